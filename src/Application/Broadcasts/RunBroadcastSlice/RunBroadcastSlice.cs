using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Broadcasts;

/// <summary>
/// One slice of a broadcast's work (the queue worker runs it again until it says done): fix the recipients once, queue
/// the next recipients' messages, and record the outcomes the sender reached.
/// </summary>
public sealed record RunBroadcastSlice(int Id) : ITenantCommand<bool>;

internal sealed class RunBroadcastSliceHandler(IAppDbContext db, ITelegramOutbox outbox, TimeProvider clock) : ICommandHandler<RunBroadcastSlice, bool>
{
    public const int SliceSize = 500;

    public async ValueTask<bool> Handle(RunBroadcastSlice command, CancellationToken cancellationToken)
    {
        var job = await db.BroadcastJobs.SingleOrDefaultAsync(b => b.Id == command.Id, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        if (job.StartedAt is null)
        {
            var chats = await BroadcastAudiences.Reachable(db, job.Audience).ToListAsync(cancellationToken);
            db.BroadcastDeliveries.AddRange(chats.Distinct().Select(chat => BroadcastDelivery.For(job, chat, now)));
            job.FixRecipients(chats.Distinct().Count(), now);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var next = await db.BroadcastDeliveries.Where(d => d.BroadcastId == job.Id && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.ChatId).Take(SliceSize).ToListAsync(cancellationToken);
        var buttons = job.Buttons is null
            ? null
            : (IReadOnlyList<IReadOnlyList<InlineButton>>)[.. (JsonSerializer.Deserialize<List<BroadcastButton>>(job.Buttons) ?? []).Select(b => (IReadOnlyList<InlineButton>)[new InlineButton(b.Text!, Url: b.Url)])];
        var queued = new List<(BroadcastDelivery Delivery, TelegramOutboxMessage Row)>();
        foreach (var delivery in next)
        {
            OutgoingMessage message = job.Photo is null
                ? new SendText(delivery.ChatId, job.Message, buttons)
                : new SendPhoto(delivery.ChatId, job.Photo, job.Message, buttons);
            // At most once: after a crash mid-call the recipient is skipped rather than messaged twice.
            var row = await outbox.EnqueueAsync(message, new OutboxOptions(
                job.Sender, $"{BroadcastSlices.KeyPrefix(job.Id)}{delivery.ChatId}", BroadcastSlices.Kind, OutboxPriority.Bulk, DeliverySemantics.AtMostOnce), cancellationToken);
            queued.Add((delivery, row));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (delivery, row) in queued)
        {
            delivery.Queued(row.Id, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await BroadcastSlices.RecordOutcomesAsync(db, job.Id, cancellationToken);
        return !await db.BroadcastDeliveries.AnyAsync(d => d.BroadcastId == job.Id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Queued), cancellationToken);
    }
}
