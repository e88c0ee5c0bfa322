using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>While the webhook is busy the inbox handles updates one at a time, so it claims only a few at once.</summary>
public sealed class InboxClaimTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    [Fact]
    public async Task WhileTheWebhookIsBusy_ARunClaimsOnlyAFewUpdates_AndAFullBatchOnceItIsQuiet()
    {
        for (var chat = 1; chat <= 10; chat++)
        {
            await PostUpdateAsync(Message("hello", fromId: chat));
        }

        var load = App.Services.GetRequiredService<WebhookLoad>();
        while (!load.IsBusy)
        {
            load.Recorded();
        }

        var inbox = App.Services.GetRequiredService<TelegramInboxWorker>();
        (await inbox.RunOnceAsync(CancellationToken.None)).Should().Be(TelegramInboxWorker.BusyClaimSize,
            "another tenant's update, first in the next claim, must not wait for twenty handled one by one");

        App.Clock.Advance(TimeSpan.FromSeconds(2));
        load.IsBusy.Should().BeFalse();
        (await inbox.RunOnceAsync(CancellationToken.None)).Should().Be(10 - TelegramInboxWorker.BusyClaimSize, "once quiet a run claims its full batch");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status = 'processed'")).Should().Be(10);
    }
}
