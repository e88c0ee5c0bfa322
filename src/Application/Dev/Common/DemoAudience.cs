namespace PromoStack.Application.Dev;

/// <summary>
/// How the demo data is found again by the seed (it is flagged <c>is_demo</c> too, which is what the figures read):
/// Telegram ids in a block of their own, names ending "(demo)", emails at <see cref="EmailDomain"/>, journey and
/// campaign names starting "Demo:".
/// </summary>
public static class DemoAudience
{
    /// <summary>The demo users' Telegram ids are <c>FirstUserId + 1</c> … <c>FirstUserId + 12</c>.</summary>
    public const long FirstUserId = 4_000_000_000_000;

    public const long LastUserId = FirstUserId + 999;

    public const string EmailDomain = "demo.promostack.local";

    public const string LastName = "(demo)";

    /// <summary>The sample journey's deep link: <c>t.me/&lt;bot&gt;?start=demo</c>.</summary>
    public const string DeepLink = "demo";

    public const string JourneyName = "Demo: welcome tour";

    public const string CampaignTitle = "Demo: gold giveaway";

    public static bool IsDemoUser(long telegramUserId) => telegramUserId is >= FirstUserId and <= LastUserId;
}
