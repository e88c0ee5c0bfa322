using System.Linq.Expressions;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Audience;

/// <summary>A bot user as the audience lists them (personal data: admins only).</summary>
/// <param name="TelegramUserId">Their Telegram id (also their private chat's id).</param>
/// <param name="JoinedAt">When one of the tenant's bots first met them.</param>
/// <param name="StartedMessageBot">They wrote to the message (or signal) bot, so it may write to them; false for a user only the coupon bot knows.</param>
/// <param name="BlockedMessageBot">They blocked the message (or signal) bot.</param>
/// <param name="BlockedCouponBot">They blocked the coupon bot (a bot of its own).</param>
/// <param name="UnsubscribedAt">When they sent /stop (no broadcasts); null while subscribed.</param>
/// <param name="CouponUser">They have used the coupon bot.</param>
/// <param name="Vip">They have an active subscription.</param>
/// <param name="FreeLead">They never paid for a subscription.</param>
/// <param name="IsDemo">A demo user (seeded; not counted in the figures nor sent broadcasts).</param>
public sealed record AudienceUserDto(
    long TelegramUserId, string? Username, string? FirstName, string? LastName, DateTimeOffset JoinedAt, DateTimeOffset LastSeenAt,
    bool StartedMessageBot, bool BlockedMessageBot, bool BlockedCouponBot, DateTimeOffset? UnsubscribedAt, bool CouponUser, bool Vip, bool FreeLead, bool IsDemo)
{
    /// <summary>The projection, in SQL: VIP and free-lead status are subqueries on the user's subscriptions.</summary>
    public static Expression<Func<BotUser, AudienceUserDto>> From(IAppDbContext db) => u => new AudienceUserDto(
        u.ChatId, u.Username, u.FirstName, u.LastName, u.CreatedAt, u.LastSeenAt, u.MessageBotLastSeenAt != null, u.IsBlocked, u.CouponBotBlocked,
        u.UnsubscribedAt, u.CouponFirstSeenAt != null,
        db.TelegramSubscriptions.Any(s => s.TelegramUserId == u.ChatId && s.Status == SubscriptionStatus.Active),
        !db.TelegramSubscriptions.Any(s => s.TelegramUserId == u.ChatId && s.FirstPaidAt != null),
        u.IsDemo);
}
