using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>A person spamming a bot costs little: their updates past the limit are recorded, not handled.</summary>
public sealed class ChatThrottleTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    protected override Dictionary<string, string?> Overrides => new()
    {
        ["Telegram:ChatBurst"] = "3",
        ["Telegram:ChatUpdatesPerMinute"] = "6",
    };

    [Fact]
    public async Task AChatOverItsLimit_IsNotHandled_WhileOtherChatsAre_AndItIsHeardAgainOnceItsBucketRefills()
    {
        await JourneyAsync([Step("message", new { text = "Signals are posted daily." })], [new { type = "keyword", config = new { keyword = "signals" } }], reentry: "restart");

        for (var i = 0; i < 8; i++)
        {
            await DeliverOnlyAsync("signals", fromId: 4242);
        }

        await DeliverOnlyAsync("signals", fromId: 5151);
        await DrainAsync();

        SentTo(4242).Should().HaveCount(3, "the burst is 3; the other 5 updates were recorded without being handled");
        SentTo(5151).Should().ContainSingle("another person is not held back by the spammer");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status = 'processed'")).Should().Be(9, "throttled updates are settled, not retried");

        App.Clock.Advance(TimeSpan.FromSeconds(11));
        (await SayAsync("signals", fromId: 4242)).Should().ContainSingle("6 a minute refills one token in 10 seconds");
    }

    [Fact]
    public void GroupsAndChannels_AreNeverThrottled_AndARefilledChatIsForgotten()
    {
        var throttle = App.Services.GetRequiredService<ChatThrottle>();

        Enumerable.Range(0, 50).Select(_ => throttle.TryTake("alpha", 1, -100123)).Should().AllBeEquivalentTo(true, "joins and leaves of a channel must all be seen");
        throttle.TryTake("alpha", 1, 31337).Should().BeTrue();
        throttle.RememberedChats.Should().BeGreaterThan(0);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        throttle.TryTake("alpha", 1, 1).Should().BeTrue();

        throttle.RememberedChats.Should().Be(1, "a chat whose bucket has refilled is forgotten; only the newest one is remembered");
    }
}
