using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Time;
using PromoStack.Domain.Common;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// The tenant's subscription figures day by day, for the <see cref="Days"/> days ending today (days of the tenant's
/// time zone), counted as <see cref="GetSubscriptionMetrics"/> counts them: a subscription is new on the day it was
/// first paid, churned on the day its access ended (a reactivation takes it back), and active from one to the other.
/// </summary>
public sealed record GetDailySubscriptionMetrics(int Days = GetDailySubscriptionMetrics.DefaultDays) : ITenantQuery<DailySubscriptionMetricsDto>
{
    public const int DefaultDays = 30;

    public const int MaxDays = 365;
}

/// <param name="From">The first day listed.</param>
/// <param name="To">The last day listed: today in <paramref name="Timezone"/>.</param>
/// <param name="Timezone">The tenant's IANA zone: what "a day" means.</param>
/// <param name="Days">Every day from <paramref name="From"/> to <paramref name="To"/>, in order, days without changes included.</param>
public sealed record DailySubscriptionMetricsDto(DateOnly From, DateOnly To, string Timezone, IReadOnlyList<SubscriptionDayDto> Days);

/// <param name="NewSubscriptions">Subscriptions first paid that day.</param>
/// <param name="Churned">Subscriptions whose access ended that day (cancelled or expired) and has not come back since.</param>
/// <param name="ActiveAtEnd">Subscriptions with access at the end of the day (for today: now).</param>
/// <param name="MrrAtEnd">
/// Monthly recurring revenue at the end of the day, per currency, in minor units: the active renewing subscriptions
/// of that moment priced as <c>GET /api/subscriptions/metrics</c> prices them today (the cached Stripe prices of the
/// configured plans; lifetime and hand-granted terms count for nothing). Empty when there is none.
/// </param>
public sealed record SubscriptionDayDto(DateOnly Date, int NewSubscriptions, int Churned, int ActiveAtEnd, IReadOnlyList<Mrr> MrrAtEnd);

internal sealed class GetDailySubscriptionMetricsValidator : AbstractValidator<GetDailySubscriptionMetrics>
{
    public GetDailySubscriptionMetricsValidator() => RuleFor(q => q.Days).InclusiveBetween(1, GetDailySubscriptionMetrics.MaxDays);
}

internal sealed class GetDailySubscriptionMetricsHandler(IAppDbContext db, TimeProvider clock)
    : IQueryHandler<GetDailySubscriptionMetrics, DailySubscriptionMetricsDto>
{
    public async ValueTask<DailySubscriptionMetricsDto> Handle(GetDailySubscriptionMetrics query, CancellationToken cancellationToken)
    {
        var zone = await TenantZone.LoadAsync(db, cancellationToken);
        var to = ZonedTime.Today(clock.GetUtcNow(), zone.Zone);
        var from = to.AddDays(1 - query.Days);
        var start = ZonedTime.DayStart(from, zone.Zone);
        var end = ZonedTime.DayStart(to.AddDays(1), zone.Zone);

        // PostgreSQL groups and counts (three queries, whatever the number of days): the subscriptions active when the
        // first day starts, then the first payments and the ends of each day. Ended means what the metrics' churn means:
        // cancelled or expired, since ended_at.
        var atStart = await SubscriptionFigures.Counted(db)
            .Where(s => s.FirstPaidAt < start && !((s.Status == SubscriptionStatus.Cancelled || s.Status == SubscriptionStatus.Expired) && s.EndedAt < start))
            .GroupBy(s => new { s.PlanType, s.Renews })
            .Select(g => new { g.Key.PlanType, g.Key.Renews, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var started = await SubscriptionFigures.StartedByDayAsync(db, zone.Id, start, end, cancellationToken);
        var ended = await SubscriptionFigures.EndedByDayAsync(db, zone.Id, start, end, cancellationToken);

        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var prices = await SubscriptionFigures.PlanPricesAsync(db, settings, cancellationToken);
        var active = atStart.ToDictionary(a => (a.PlanType, a.Renews), a => a.Count);
        var startedByDay = started.ToLookup(s => s.Day);
        var endedByDay = ended.ToLookup(e => e.Day);
        var days = new List<SubscriptionDayDto>(query.Days);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var s in startedByDay[day])
            {
                active[(s.Plan, s.Renews)] = active.GetValueOrDefault((s.Plan, s.Renews)) + s.Count;
            }

            foreach (var e in endedByDay[day])
            {
                active[(e.Plan, e.Renews)] = active.GetValueOrDefault((e.Plan, e.Renews)) - e.Count;
            }

            days.Add(new SubscriptionDayDto(
                day, startedByDay[day].Sum(s => s.Count), endedByDay[day].Sum(e => e.Count), active.Values.Sum(),
                SubscriptionFigures.Mrr([.. active.Select(a => new ActiveCount(a.Key.PlanType, a.Key.Renews, a.Value))], settings, prices)));
        }

        return new DailySubscriptionMetricsDto(from, to, zone.Id, days);
    }
}
