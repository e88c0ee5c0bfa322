using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// When access ends (cancelled, revoked, refunded, deleted, expired), the member is removed from the VIP channel — a
/// ban then, once it went through, an unban, so they can come back after paying — and told why if the bot can reach
/// them. Removals are retried until they go (at least once).
/// </summary>
internal sealed class RemoveVipAccess(IAppDbContext db, ITelegramOutbox outbox)
    : IDomainEventHandler<SubscriptionCancelled>, IDomainEventHandler<SubscriptionExpired>
{
    public Task HandleAsync(SubscriptionCancelled domainEvent, CancellationToken cancellationToken) =>
        RemoveAsync(domainEvent.SubscriptionId, domainEvent.Reason switch
        {
            CancellationReason.Refunded => "the payment was refunded",
            CancellationReason.Revoked => "it was revoked",
            CancellationReason.Deleted => "the customer account was deleted",
            _ => "the subscription was cancelled",
        }, cancellationToken);

    public Task HandleAsync(SubscriptionExpired domainEvent, CancellationToken cancellationToken) =>
        RemoveAsync(domainEvent.SubscriptionId, "the subscription expired", cancellationToken);

    private async Task RemoveAsync(int subscriptionId, string why, CancellationToken cancellationToken)
    {
        var subscription = await db.TelegramSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        var channel = await TenantChannels.VipChatIdAsync(db, cancellationToken);
        if (subscription is not { GrantsAccess: false, TelegramUserId: { } user } || channel is null)
        {
            return;
        }

        var stamp = subscription.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        OutboxOptions Options(BotRole bot, string step, OutboxPriority priority) =>
            new(bot, $"vip-remove:{subscription.Id}:{stamp}:{step}", "vip_removal", priority, DeliverySemantics.AtLeastOnce);
        var ban = await outbox.EnqueueAsync(new BanMember(channel.Value, user), Options(BotRole.SignalBot, "ban", OutboxPriority.Interactive), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(new UnbanMember(channel.Value, user, ban.Id), Options(BotRole.SignalBot, "unban", OutboxPriority.Interactive), cancellationToken);
        if (await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.MessageBot, cancellationToken))
        {
            await outbox.EnqueueAsync(
                new SendText(user, $"Your VIP access has ended: {why}. Send /start vip to come back."),
                Options(BotRole.MessageBot, "notice", OutboxPriority.Notification), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
