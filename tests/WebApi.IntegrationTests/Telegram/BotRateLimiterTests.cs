using PromoStack.Infrastructure.Telegram;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>The sender's limiter keeps Telegram's limits without remembering every chat it ever wrote to.</summary>
public sealed class BotRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AChatsWindow_IsForgotten_AMinuteAfterItsLastMessage()
    {
        var limiter = new BotRateLimiter();
        for (var chat = 1; chat <= 10_000; chat++)
        {
            limiter.Record(1, chat, Start.AddMilliseconds(chat));
        }

        limiter.RememberedChats.Should().Be(10_000, "each chat's last second still counts");

        limiter.Record(1, -100, Start + BotRateLimiter.Memory + TimeSpan.FromSeconds(11));

        limiter.RememberedChats.Should().Be(1, "only the group written to just now is remembered");
        limiter.NextSlot(1, 5, Start + TimeSpan.FromMinutes(2)).Should().Be(Start + TimeSpan.FromMinutes(2), "a forgotten chat may be written to at once");
    }

    [Fact]
    public void AGroupsMinute_OutlivesTheSweep_WhileItStillCounts()
    {
        var limiter = new BotRateLimiter();
        limiter.Record(1, 7, Start);
        for (var i = 0; i < BotRateLimiter.PerGroupPerMinute; i++)
        {
            limiter.Record(1, -100, Start.AddSeconds(40 + i));
        }

        limiter.Record(1, 7, Start + BotRateLimiter.Memory + TimeSpan.FromSeconds(1));

        limiter.RememberedChats.Should().Be(2);
        limiter.NextSlot(1, -100, Start.AddSeconds(62)).Should().Be(Start.AddSeconds(100), "the group had its 20 messages in the last minute");
    }
}
