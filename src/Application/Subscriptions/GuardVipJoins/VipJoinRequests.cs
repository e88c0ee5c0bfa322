using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary>For a VIP channel that asks for approval: active subscribers are let in, everyone else is declined.</summary>
internal sealed class VipJoinRequests(IAppDbContext db, ITelegramOutbox outbox) : IJoinRequestHandler
{
    public async Task<bool> TryHandleAsync(string tenantId, ChannelKind channel, JoinRequested request, CancellationToken cancellationToken)
    {
        if (channel != ChannelKind.Vip)
        {
            return false;
        }

        var subscriber = await db.TelegramSubscriptions.AnyAsync(s => s.TelegramUserId == request.From.Id && s.Status == SubscriptionStatus.Active, cancellationToken);
        var options = new OutboxOptions(
            BotRole.SignalBot, $"vip-join-request:{request.UpdateId}", "vip_join_request", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce);
        await outbox.EnqueueAsync(
            subscriber ? new ApproveJoinRequest(request.ChatId, request.From.Id) : new DeclineJoinRequest(request.ChatId, request.From.Id), options, cancellationToken);
        return true;
    }
}
