namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Telegram__*</c>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The Bot API server (a local Bot API server, or a fake in tests).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public int TimeoutSeconds { get; set; } = 30;
}
