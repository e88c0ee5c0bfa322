using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// <c>/status</c>: the subscriber's plan, status and renewal or end date; an active subscriber who is not in the VIP
/// channel gets a fresh invite link.
/// </summary>
internal sealed class StatusBotCommand(IAppDbContext db, BotReplies replies, VipInvites invites) : IBotCommand
{
    public string Name => "status";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken)
    {
        var subscription = await db.TelegramSubscriptions.Where(s => s.TelegramUserId == context.From.Id)
            .OrderByDescending(s => s.Status == SubscriptionStatus.Active).ThenByDescending(s => s.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (subscription is null)
        {
            await replies.ReplyAsync(context, "You have no VIP subscription yet. Send /start vip to see the plans.", cancellationToken);
            return;
        }

        var plan = subscription.PlanType.ToString().ToLowerInvariant();
        var end = subscription.CurrentPeriodEnd?.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var text = subscription.Status switch
        {
            SubscriptionStatus.Active when subscription.PlanType == PlanType.Lifetime => $"✅ VIP <b>{plan}</b>: active, for life.",
            SubscriptionStatus.Active when subscription.CancelAtPeriodEnd => $"✅ VIP <b>{plan}</b>: active until {end}, then it ends (cancelled).",
            SubscriptionStatus.Active when subscription.PastDueSince is not null => $"⚠️ VIP <b>{plan}</b>: active, but the last payment failed; please update your card.",
            SubscriptionStatus.Active when subscription.Renews => $"✅ VIP <b>{plan}</b>: active, renews on {end}.",
            SubscriptionStatus.Active => $"✅ VIP <b>{plan}</b>: active until {end}.",
            SubscriptionStatus.Pending => "⏳ Your payment has not been confirmed yet.",
            _ => $"VIP <b>{plan}</b>: {subscription.Status.ToString().ToLowerInvariant()}. Send /start vip to come back.",
        };
        await replies.ReplyAsync(context, text, cancellationToken);

        var inChannel = await db.ChannelMemberships.AnyAsync(
            m => m.ChannelKind == ChannelKind.Vip && m.TelegramUserId == context.From.Id && m.Status == MembershipStatus.Member, cancellationToken);
        if (subscription.GrantsAccess && !inChannel)
        {
            await invites.SendAsync(subscription, cancellationToken);
        }
    }
}
