using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A join of the VIP channel is matched to a subscription by the exact invite link it used. Someone who joins
/// through a link made for another subscriber is removed (ban, then unban) and that link revoked; so is the owner when
/// their access has ended since the link was sent (e.g. paid, got the link, had the payment refunded, then joined).
/// Joins through links this platform did not make (e.g. an admin's) are left alone.
/// </summary>
internal sealed class GuardVipJoins(IAppDbContext db, ITelegramOutbox outbox) : IDomainEventHandler<UserJoinedChannel>
{
    /// <summary>The step that revokes the link the joiner used (the first of the removal).</summary>
    public const string RevokeStep = "revoke";

    /// <summary>The dedupe key of one step (revoke, ban, unban) of removing <paramref name="joiner"/>, who joined through a link of <paramref name="subscriptionId"/>.</summary>
    public static string MisuseKey(int subscriptionId, long joiner, string step) => $"vip-misuse:{subscriptionId}:{joiner}:{step}";

    public async Task HandleAsync(UserJoinedChannel domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Channel != ChannelKind.Vip || domainEvent.InviteLink is not { } link)
        {
            return;
        }

        var key = await db.TelegramOutbox.AsNoTracking()
            .Where(m => m.Kind == VipInvites.Kind && m.Method == "createChatInviteLink" && m.ResultText == link)
            .Select(m => m.DedupeKey).FirstOrDefaultAsync(cancellationToken);
        if (key is null || VipInvites.SubscriptionOf(key) is not { } subscriptionId)
        {
            return;
        }

        var owner = await db.TelegramSubscriptions.AsNoTracking().Where(s => s.Id == subscriptionId)
            .Select(s => new { s.TelegramUserId, HasAccess = s.Status == SubscriptionStatus.Active }).SingleOrDefaultAsync(cancellationToken);
        var channel = await TenantChannels.VipChatIdAsync(db, cancellationToken);
        if ((owner is { HasAccess: true } && owner.TelegramUserId == domainEvent.TelegramUserId) || channel is null)
        {
            return;
        }

        var joiner = domainEvent.TelegramUserId;
        OutboxOptions Options(string step) =>
            new(BotRole.SignalBot, MisuseKey(subscriptionId, joiner, step), "vip_removal", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce);
        await outbox.EnqueueAsync(new RevokeInviteLink(channel.Value, link), Options(RevokeStep), cancellationToken);
        var ban = await outbox.EnqueueAsync(new BanMember(channel.Value, joiner), Options("ban"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(new UnbanMember(channel.Value, joiner, ban.Id), Options("unban"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
