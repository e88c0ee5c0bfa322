using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Forex;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions.Access;

/// <summary>
/// On activation, the subscriber gets a personal invite link to the VIP channel: single use (member limit 1), valid
/// 72 hours, named after the subscription, created by the signal bot (the channel's administrator) and sent by the
/// message bot once Telegram has made it. Both calls are retried until they go (at least once).
/// </summary>
internal sealed class SendVipInvite(IAppDbContext db, ITelegramOutbox outbox, TimeProvider clock) : IDomainEventHandler<SubscriptionActivated>
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(72);

    public const string Kind = "vip_invite";

    private const string KeyPrefix = "vip-invite:";

    /// <summary>The subscription an invite row was made for, read back from its dedupe key.</summary>
    public static int? SubscriptionOf(string dedupeKey) =>
        dedupeKey.StartsWith(KeyPrefix, StringComparison.Ordinal)
        && int.TryParse(dedupeKey.AsSpan(KeyPrefix.Length, dedupeKey.IndexOf(':', KeyPrefix.Length) - KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public async Task HandleAsync(SubscriptionActivated domainEvent, CancellationToken cancellationToken)
    {
        var subscription = await db.TelegramSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == domainEvent.SubscriptionId, cancellationToken);
        var channel = await ForexConfigStore.VipChannelAsync(db, cancellationToken);
        var canMessage = await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.MessageBot, cancellationToken);
        if (subscription is not { GrantsAccess: true, TelegramUserId: { } user } || channel is null || !canMessage)
        {
            // Not linked to Telegram yet, or the bots are not set up: the link is sent when the subscriber asks (/status).
            return;
        }

        var now = clock.GetUtcNow();
        var stamp = subscription.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var invite = await outbox.EnqueueAsync(
            new CreateInviteLink(channel.Value, MemberLimit: 1, ExpireAt: now + LinkLifetime, Name: $"VIP #{subscription.Id}"),
            new OutboxOptions(BotRole.SignalBot, $"{KeyPrefix}{subscription.Id}:{stamp}", Kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(
            new SendTextWithResult(user, invite.Id,
                $"🎉 <b>Welcome to VIP!</b>\nYour personal invite link (one use, valid 72 hours): {SendTextWithResult.ResultPlaceholder}"),
            new OutboxOptions(BotRole.MessageBot, $"vip-invite-message:{subscription.Id}:{stamp}", Kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
