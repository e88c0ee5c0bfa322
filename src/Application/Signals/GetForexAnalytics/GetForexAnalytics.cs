using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

/// <summary>
/// Results of the signals closed in [<see cref="From"/>, <see cref="To"/>) (the last 30 days by default), weighted by
/// their partial closes; days are the tenant's. Demo signals only when asked for.
/// </summary>
public sealed record GetForexAnalytics(DateTimeOffset? From, DateTimeOffset? To, bool IncludeDemo = false) : ITenantQuery<ForexAnalytics>;

public sealed record ForexAnalytics(
    DateTimeOffset From, DateTimeOffset To, ResultSummary Total, decimal? BestPips, decimal? WorstPips, IReadOnlyDictionary<string, ResultSummary> ByStrategy,
    IReadOnlyList<DayResult> ByDay, IReadOnlyList<EquityPointDto> Equity);

internal sealed class GetForexAnalyticsValidator : AbstractValidator<GetForexAnalytics>
{
    public GetForexAnalyticsValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("Must be after 'from'.");
        RuleFor(q => q).Must(q => (q.To ?? DateTimeOffset.MaxValue) - (q.From ?? DateTimeOffset.MinValue) <= TimeSpan.FromDays(3660) || q.From is null || q.To is null)
            .WithName("to").WithMessage("At most ten years at a time.");
    }
}

internal sealed class GetForexAnalyticsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetForexAnalytics, ForexAnalytics>
{
    public async ValueTask<ForexAnalytics> Handle(GetForexAnalytics query, CancellationToken cancellationToken)
    {
        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to.AddDays(-30);
        var closed = await db.ForexSignals.AsNoTracking()
            .Where(s => s.ClosedAt >= from && s.ClosedAt < to && s.ResultPips != null && (query.IncludeDemo || s.Source == SignalSource.Live))
            .OrderBy(s => s.ClosedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Strategy, ClosedAt = s.ClosedAt!.Value, Pips = s.ResultPips!.Value, R = s.ResultR!.Value })
            .ToListAsync(cancellationToken);
        var zone = await ForexConfigStore.TenantZoneAsync(db, cancellationToken);

        ResultSummary Summary(IReadOnlyCollection<(decimal Pips, decimal R)> results) => new(
            results.Count, results.Count(r => r.Pips > 0), results.Count(r => r.Pips <= 0), results.Count == 0 ? 0 : (double)results.Count(r => r.Pips > 0) / results.Count,
            results.Sum(r => r.Pips), results.Sum(r => r.R), results.Count == 0 ? 0 : Math.Round(results.Average(r => r.R), 4));

        var all = closed.Select(s => (s.Pips, s.R)).ToList();
        decimal equity = 0;
        return new ForexAnalytics(
            from, to, Summary(all), all.Count == 0 ? null : all.Max(r => r.Pips), all.Count == 0 ? null : all.Min(r => r.Pips),
            closed.GroupBy(s => s.Strategy).ToDictionary(g => g.Key, g => Summary([.. g.Select(s => (s.Pips, s.R))])),
            [.. closed.GroupBy(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.ClosedAt, zone).DateTime))
                .Select(g => new DayResult(g.Key, Summary([.. g.Select(s => (s.Pips, s.R))])))],
            [.. closed.Select(s => new EquityPointDto(s.ClosedAt, equity += s.Pips))]);
    }
}
