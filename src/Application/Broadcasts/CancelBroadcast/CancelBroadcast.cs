using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Broadcasts;

/// <summary>Stops a broadcast: recipients not yet sent to are skipped (their queued messages withdrawn); 409 once finished.</summary>
public sealed record CancelBroadcast(int Id) : ITenantCommand<BroadcastDto>;

internal sealed class CancelBroadcastHandler(IAppDbContext db, BroadcastQueries broadcasts, TimeProvider clock) : ICommandHandler<CancelBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(CancelBroadcast command, CancellationToken cancellationToken)
    {
        var job = await broadcasts.TrackedAsync(command.Id, cancellationToken);
        job.Cancel(clock.GetUtcNow());
        // Not reached yet: skipped, and their queued messages withdrawn before the sender takes them.
        await db.BroadcastDeliveries.Where(d => d.BroadcastId == job.Id && (d.Status == DeliveryStatus.Pending
                || (d.Status == DeliveryStatus.Queued && db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Pending))))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Skipped), cancellationToken);
        var prefix = BroadcastSlices.KeyPrefix(job.Id);
        await db.TelegramOutbox.Where(m => m.Kind == BroadcastSlices.Kind && m.DedupeKey!.StartsWith(prefix) && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, OutboxStatus.Failed).SetProperty(x => x.LastError, "The broadcast was cancelled."), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await BroadcastSlices.RecordOutcomesAsync(db, job.Id, cancellationToken);
        return await broadcasts.DtoAsync(job, cancellationToken);
    }
}
