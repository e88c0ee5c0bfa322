using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Observability;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>Processes stored updates, one chat at a time in <c>update_id</c> order, in the update's tenant.</summary>
public sealed class TelegramInboxWorker(
    WorkQueue workQueue, TenantScopes tenantScopes, ITelegramUpdateReader reader, WebhookLoad load, ChatThrottle throttle, TimeProvider clock,
    ILogger<TelegramInboxWorker> logger)
    : QueueWorker<long>(workQueue, clock, logger)
{
    /// <summary>How many updates a run claims while the webhook is busy.</summary>
    public const int BusyClaimSize = 4;

    public override QueueDefinition Queue => Queues.TelegramInbox;

    /// <summary>
    /// A claim holds at most one update per chat, so its updates are independent and run side by side — unless the
    /// webhook is busy, when they run one at a time and leave the CPU to storing what Telegram sends.
    /// </summary>
    public override int Parallelism => load.IsBusy ? 1 : 8;

    /// <summary>
    /// While the webhook is busy a run claims only a few updates: its updates are handled one at a time, so an update
    /// of another tenant, first in the next claim's turns, waits for a few of them, not for twenty (the fairness bench:
    /// a quiet tenant's /start beside one flooding its bot at 1,000 updates/s, p99 2.5 s → 1.4 s to the reply).
    /// </summary>
    protected override int ClaimSize => load.IsBusy ? BusyClaimSize : BatchSize;

    protected override Task<WorkOutcome> ProcessAsync(ClaimedWork<long> work, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(work.TenantId, async (services, ct) =>
        {
            var stored = await services.GetRequiredService<AppDbContext>().TelegramUpdates.AsNoTracking()
                .Where(u => u.Id == work.Id)
                .Select(u => new { u.BotTelegramId, u.ChatId, u.Payload, u.ReceivedAt })
                .SingleAsync(ct);
            if (stored.ChatId is { } chatId && !throttle.TryTake(work.TenantId, stored.BotTelegramId, chatId))
            {
                Telemetry.ThrottledUpdates.Add(1);
                return WorkOutcome.Completed;
            }

            IncomingUpdate update;
            try
            {
                update = reader.Read(stored.Payload);
            }
            catch (MalformedUpdateException exception)
            {
                return WorkOutcome.Fail(exception.Message);
            }

            await services.GetRequiredService<ISender>().Send(new HandleTelegramUpdate(stored.BotTelegramId, update), ct);
            Telemetry.InboxLag.Record((Clock.GetUtcNow() - stored.ReceivedAt).TotalSeconds);
            return WorkOutcome.Completed;
        }, cancellationToken);
}
