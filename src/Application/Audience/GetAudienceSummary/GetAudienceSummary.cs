using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Audience;

/// <summary>
/// How many bot users each audience filter matches, for the filter chips: the same definitions as
/// <see cref="ListAudienceUsers"/>, counted over the whole audience in three queries (no personal data).
/// </summary>
public sealed record GetAudienceSummary : ITenantQuery<AudienceSummaryDto>;

/// <param name="Users">Every bot user.</param>
/// <param name="Vip">With an active subscription.</param>
/// <param name="FreeLeads">Never paid.</param>
/// <param name="BlockedMessageBot">Blocked the message (or signal) bot.</param>
/// <param name="BlockedCouponBot">Blocked the coupon bot.</param>
/// <param name="Unsubscribed">Sent /stop.</param>
/// <param name="CouponUsers">Used the coupon bot.</param>
public sealed record AudienceSummaryDto(int Users, int Vip, int FreeLeads, int BlockedMessageBot, int BlockedCouponBot, int Unsubscribed, int CouponUsers);

internal sealed class GetAudienceSummaryHandler(IAppDbContext db) : IQueryHandler<GetAudienceSummary, AudienceSummaryDto>
{
    public async ValueTask<AudienceSummaryDto> Handle(GetAudienceSummary query, CancellationToken cancellationToken)
    {
        var flags = await db.BotUsers.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new
            {
                Users = g.Count(),
                Blocked = g.Count(u => u.IsBlocked),
                CouponBlocked = g.Count(u => u.CouponBotBlocked),
                Unsubscribed = g.Count(u => u.UnsubscribedAt != null),
                CouponUsers = g.Count(u => u.CouponFirstSeenAt != null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (flags is null)
        {
            return new AudienceSummaryDto(0, 0, 0, 0, 0, 0, 0);
        }

        // Few users have subscriptions: these are counted from the subscriptions' side, each looked up among the users.
        var vip = await SubscribersAsync(s => s.Status == SubscriptionStatus.Active, cancellationToken);
        var paid = await SubscribersAsync(s => s.FirstPaidAt != null, cancellationToken);
        return new AudienceSummaryDto(
            flags.Users, vip, flags.Users - paid, flags.Blocked, flags.CouponBlocked, flags.Unsubscribed, flags.CouponUsers);
    }

    private Task<int> SubscribersAsync(Expression<Func<TelegramSubscription, bool>> which, CancellationToken cancellationToken) =>
        db.TelegramSubscriptions.AsNoTracking().Where(which)
            .Where(s => s.TelegramUserId != null && db.BotUsers.Any(u => u.ChatId == s.TelegramUserId))
            .Select(s => s.TelegramUserId).Distinct().CountAsync(cancellationToken);
}
