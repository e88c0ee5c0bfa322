using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Broadcasts;

internal static class BroadcastSlices
{
    public const string Kind = "broadcast";

    public static string KeyPrefix(int broadcastId) => $"broadcast:{broadcastId}:";

    /// <summary>Copies what the sender reached onto the deliveries: sent, failed (blocked when the user blocked the bot), skipped when unknown.</summary>
    public static async Task RecordOutcomesAsync(IAppDbContext db, int broadcastId, CancellationToken cancellationToken)
    {
        var queued = db.BroadcastDeliveries.Where(d => d.BroadcastId == broadcastId && d.Status == DeliveryStatus.Queued);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Sent))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Sent), cancellationToken);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Unknown))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Skipped), cancellationToken);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Failed) && db.BotUsers.Any(u => u.ChatId == d.ChatId && u.IsBlocked))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Blocked), cancellationToken);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Failed))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Failed), cancellationToken);
    }
}
