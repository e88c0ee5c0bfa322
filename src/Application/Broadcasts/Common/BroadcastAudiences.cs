using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Broadcasts;

/// <summary>
/// Who an audience is, in one place: the sender fixes a broadcast's recipients with <see cref="Reachable"/> and the
/// audience count counts the same query, so the two cannot disagree. Composable queries of chat ids, tenant-scoped by
/// the context's filters. Demo users are in none: they are not real people.
/// </summary>
internal static class BroadcastAudiences
{
    /// <summary>
    /// The people the audience describes, whether or not its bot can write to them: the message bot's users (all), the
    /// Telegram users of active subscriptions (VIP), every free lead (also those only in the FREE channel), the coupon
    /// bot's users.
    /// </summary>
    public static IQueryable<long> Everyone(IAppDbContext db, BroadcastAudience audience) => audience switch
    {
        BroadcastAudience.CouponUsers => db.BotUsers.Where(u => u.CouponLastSeenAt != null && !u.IsDemo).Select(u => u.ChatId),
        BroadcastAudience.Vip => db.TelegramSubscriptions.Where(s => s.Status == SubscriptionStatus.Active && s.TelegramUserId != null && !s.IsDemo)
            .Select(s => s.TelegramUserId!.Value),
        BroadcastAudience.FreeLeads => FreeLeads.UserIds(db),
        _ => db.BotUsers.Where(u => u.MessageBotLastSeenAt != null && !u.IsDemo).Select(u => u.ChatId),
    };

    /// <summary>
    /// The chats of the audience its bot can write to, which a broadcast is sent to: users who started that bot,
    /// never those who blocked it or unsubscribed.
    /// </summary>
    public static IQueryable<long> Reachable(IAppDbContext db, BroadcastAudience audience)
    {
        var reachable = db.BotUsers.Where(u => u.MessageBotLastSeenAt != null && !u.IsBlocked && u.UnsubscribedAt == null && !u.IsDemo);
        return audience switch
        {
            BroadcastAudience.CouponUsers => db.BotUsers
                .Where(u => u.CouponLastSeenAt != null && !u.CouponBotBlocked && u.UnsubscribedAt == null && !u.IsDemo).Select(u => u.ChatId),
            BroadcastAudience.Vip => reachable.Where(u => db.TelegramSubscriptions.Any(s => s.TelegramUserId == u.ChatId && s.Status == SubscriptionStatus.Active)).Select(u => u.ChatId),
            BroadcastAudience.FreeLeads => FreeLeads.Reachable(db).Select(u => u.ChatId),
            _ => reachable.Select(u => u.ChatId),
        };
    }
}
