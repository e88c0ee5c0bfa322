using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Journeys;
using PromoStack.Infrastructure.Telegram;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>The background workers (off in tests), run by hand.</summary>
public static class Workers
{
    /// <summary>
    /// Runs the inbox, the journey timers, the domain events and the sender, the app's clock moving 2 s a round, until
    /// a round finds nothing to do (at most 20 rounds), as the workers would.
    /// </summary>
    public static async Task DrainAsync(PromoStackFactory app)
    {
        for (var round = 0; round < 20; round++)
        {
            var work = await app.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None);
            work += await app.Services.GetRequiredService<JourneyTimerWorker>().RunOnceAsync(CancellationToken.None);
            work += await app.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromSeconds(2));
            work += await app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
            if (work == 0)
            {
                return;
            }
        }
    }
}
