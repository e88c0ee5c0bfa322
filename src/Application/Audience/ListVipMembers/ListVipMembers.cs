using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Audience;

/// <summary>
/// The VIP members: every active subscription linked to a Telegram user, newest first, with the user's names and
/// what Telegram reported of them in the VIP channel (joined, left, or never seen there).
/// </summary>
public sealed record ListVipMembers(int Page = 1, int PageSize = 50) : ITenantQuery<Page<VipMemberDto>>, IPagedQuery;

/// <param name="PaidSince">When the subscription was first paid (or granted).</param>
/// <param name="InVipChannel">Telegram reported them joining the VIP channel and not leaving it since.</param>
/// <param name="JoinedChannelAt">Their last join of the VIP channel, if Telegram reported one.</param>
/// <param name="LeftChannelAt">When they left (or were removed from) the VIP channel, if they are not in it.</param>
public sealed record VipMemberDto(
    int SubscriptionId, long TelegramUserId, string? Username, string? FirstName, string? LastName, string? Email, PlanType Plan, bool Renews,
    bool CancelAtPeriodEnd, DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? PastDueSince, DateTimeOffset? PaidSince, bool InVipChannel,
    DateTimeOffset? JoinedChannelAt, DateTimeOffset? LeftChannelAt);

internal sealed class ListVipMembersValidator : PagedQueryValidator<ListVipMembers>
{
    public ListVipMembersValidator()
    {
    }
}

internal sealed class ListVipMembersHandler(IAppDbContext db) : IQueryHandler<ListVipMembers, Page<VipMemberDto>>
{
    public async ValueTask<Page<VipMemberDto>> Handle(ListVipMembers query, CancellationToken cancellationToken)
    {
        var page = await db.TelegramSubscriptions.AsNoTracking()
            .Where(s => s.Status == SubscriptionStatus.Active && s.TelegramUserId != null)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, TelegramUserId = s.TelegramUserId!.Value, s.TelegramUsername, s.Email, s.PlanType, s.Renews, s.CancelAtPeriodEnd, s.CurrentPeriodEnd,
                s.PastDueSince, s.FirstPaidAt,
            })
            .ToPageAsync(query, cancellationToken);
        var ids = page.Items.Select(s => s.TelegramUserId).Distinct().ToList();
        var users = await db.BotUsers.AsNoTracking().Where(u => ids.Contains(u.ChatId))
            .Select(u => new { u.ChatId, u.Username, u.FirstName, u.LastName })
            .ToDictionaryAsync(u => u.ChatId, cancellationToken);
        var memberships = await db.ChannelMemberships.AsNoTracking().Where(m => m.ChannelKind == ChannelKind.Vip && ids.Contains(m.TelegramUserId))
            .Select(m => new { m.TelegramUserId, m.Username, m.Status, m.JoinedAt, m.LeftAt })
            .ToDictionaryAsync(m => m.TelegramUserId, cancellationToken);

        return new Page<VipMemberDto>(
            [
                .. page.Items.Select(s =>
                {
                    var user = users.GetValueOrDefault(s.TelegramUserId);
                    var membership = memberships.GetValueOrDefault(s.TelegramUserId);
                    return new VipMemberDto(
                        s.Id, s.TelegramUserId, user?.Username ?? membership?.Username ?? s.TelegramUsername, user?.FirstName, user?.LastName, s.Email, s.PlanType,
                        s.Renews, s.CancelAtPeriodEnd, s.CurrentPeriodEnd, s.PastDueSince, s.FirstPaidAt, membership?.Status == MembershipStatus.Member,
                        membership?.JoinedAt, membership?.LeftAt);
                }),
            ],
            page.Total, page.Number, page.PageSize);
    }
}
