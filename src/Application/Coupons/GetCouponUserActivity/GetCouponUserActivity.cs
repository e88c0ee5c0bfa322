using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// One Telegram user of the coupon bot: their profile, the totals of all their attempts, and a page of those attempts,
/// newest first. The totals and the attempts are read from the same rows, so they always agree. A chat the tenant has
/// neither a profile nor an attempt of is a 404.
/// </summary>
public sealed record GetCouponUserActivity(long ChatId, int Page = 1, int PageSize = 20) : ITenantQuery<CouponUserActivityDto>, IPagedQuery;

/// <param name="CouponFirstSeenAt">When they first wrote to the coupon bot (null: never, or not known).</param>
/// <param name="LastCouponCode">The last code the partner accepted for them.</param>
/// <param name="CouponBotBlocked">They blocked the coupon bot.</param>
/// <param name="Totals">All their attempts, ever.</param>
/// <param name="FirstAttemptAt">Their first attempt (null: none).</param>
public sealed record CouponUserActivityDto(
    long ChatId, string? Username, string? FirstName, string? LastName, string? LastCouponCode, DateTimeOffset? CouponFirstSeenAt,
    DateTimeOffset? CouponLastSeenAt, bool CouponBotBlocked, CouponTally Totals, DateTimeOffset? FirstAttemptAt, DateTimeOffset? LastAttemptAt,
    Page<CouponAttemptDto> Attempts);

/// <param name="ErrorType">Null for a success.</param>
/// <param name="UserMistake">For a failure, whether it was the user's doing; null for a success.</param>
public sealed record CouponAttemptDto(
    int Id, DateTimeOffset At, string? Code, string? Template, CouponSize? Size, bool Success, string? ErrorType, bool? UserMistake);

internal sealed class GetCouponUserActivityValidator : PagedQueryValidator<GetCouponUserActivity>;

internal sealed class GetCouponUserActivityHandler(IAppDbContext db) : IQueryHandler<GetCouponUserActivity, CouponUserActivityDto>
{
    public async ValueTask<CouponUserActivityDto> Handle(GetCouponUserActivity query, CancellationToken cancellationToken)
    {
        var profile = await db.BotUsers.AsNoTracking().Where(b => b.ChatId == query.ChatId).SingleOrDefaultAsync(cancellationToken);
        var attempts = db.BotUsage.AsNoTracking().Where(u => u.ChatId == query.ChatId);
        var counts = await attempts.GroupBy(u => new { u.ErrorType, Image = u.TemplateSlug != null })
            .Select(g => new { g.Key.ErrorType, g.Key.Image, Count = g.Count(), First = g.Min(u => u.CreatedAt), Last = g.Max(u => u.CreatedAt) })
            .ToListAsync(cancellationToken);
        if (profile is null && counts.Count == 0)
        {
            throw new NotFoundException("Coupon bot user", query.ChatId);
        }

        var page = await attempts.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Select(u => new { u.Id, u.CreatedAt, u.CouponCode, u.TemplateSlug, u.Size, u.Success, u.ErrorType })
            .ToPageAsync(query, cancellationToken);
        return new CouponUserActivityDto(
            query.ChatId, profile?.Username, profile?.FirstName, profile?.LastName, profile?.LastCouponCode, profile?.CouponFirstSeenAt,
            profile?.CouponLastSeenAt, profile?.CouponBotBlocked ?? false,
            CouponTally.Of(counts.Select(c => new CouponCount(c.ErrorType, c.Image, c.Count))),
            counts.Count == 0 ? null : counts.Min(c => c.First), counts.Count == 0 ? null : counts.Max(c => c.Last),
            new Page<CouponAttemptDto>(
                [.. page.Items.Select(u => new CouponAttemptDto(
                    u.Id, u.CreatedAt, u.CouponCode, u.TemplateSlug, u.Size, u.Success, u.ErrorType, u.Success ? null : CouponTally.IsUserMistake(u.ErrorType)))],
                page.Total, page.Number, page.PageSize));
    }
}
