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
/// A subscriber's personal invite link to the VIP channel: single use (member limit 1), valid 72 hours, named after
/// the subscription, created by the signal bot (the channel's administrator) and sent by the message bot once Telegram
/// has made it; the links made for them before are revoked. All retried until they go (at least once).
/// </summary>
internal sealed class VipInvites(IAppDbContext db, ITelegramOutbox outbox, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(72);

    public const string Kind = "vip_invite";

    private const string KeyPrefix = "vip-invite:";

    /// <summary>How the dedupe keys of a subscription's invite links begin; the rest is the link's creation time (Unix milliseconds).</summary>
    public static string LinkKeyPrefix(int subscriptionId) => $"{KeyPrefix}{subscriptionId}:";

    /// <summary>How the dedupe keys of the messages carrying a subscription's links begin; the rest is the link's creation time.</summary>
    public static string MessageKeyPrefix(int subscriptionId) => $"vip-invite-message:{subscriptionId}:";

    /// <summary>The dedupe key of the call that revokes an earlier link when a new one is sent.</summary>
    public static string RevokeKey(string link) => $"vip-invite-revoke:{link}";

    /// <summary>The subscription an invite row was made for, read back from its dedupe key.</summary>
    public static int? SubscriptionOf(string dedupeKey) =>
        dedupeKey.StartsWith(KeyPrefix, StringComparison.Ordinal)
        && int.TryParse(dedupeKey.AsSpan(KeyPrefix.Length, dedupeKey.IndexOf(':', KeyPrefix.Length) - KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>Sends a new link when the subscription has access, a Telegram user and the bots to do it; false otherwise.</summary>
    public async Task<bool> SendAsync(TelegramSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription is not { GrantsAccess: true, TelegramUserId: { } user })
        {
            return false;
        }

        var channel = await TenantChannels.VipChatIdAsync(db, cancellationToken);
        if (channel is null || !await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.MessageBot, cancellationToken))
        {
            return false;
        }

        var earlier = await db.TelegramOutbox.AsNoTracking()
            .Where(m => m.Kind == Kind && m.Method == "createChatInviteLink" && m.DedupeKey != null && m.DedupeKey.StartsWith(LinkKeyPrefix(subscription.Id)) && m.ResultText != null)
            .Select(m => m.ResultText!).ToListAsync(cancellationToken);
        foreach (var link in earlier)
        {
            await outbox.EnqueueAsync(
                new RevokeInviteLink(channel.Value, link),
                new OutboxOptions(BotRole.SignalBot, RevokeKey(link), Kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
                cancellationToken);
        }

        var now = clock.GetUtcNow();
        var stamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var invite = await outbox.EnqueueAsync(
            new CreateInviteLink(channel.Value, MemberLimit: 1, ExpireAt: now + LinkLifetime, Name: $"VIP #{subscription.Id}"),
            new OutboxOptions(BotRole.SignalBot, LinkKeyPrefix(subscription.Id) + stamp, Kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(
            new SendTextWithResult(user, invite.Id,
                $"🎉 <b>Welcome to VIP!</b>\nYour personal invite link (one use, valid 72 hours): {SendTextWithResult.ResultPlaceholder}"),
            new OutboxOptions(BotRole.MessageBot, MessageKeyPrefix(subscription.Id) + stamp, Kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
