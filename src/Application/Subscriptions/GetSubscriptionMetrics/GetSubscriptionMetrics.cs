using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// The tenant's own subscription figures: active subscribers by plan now; MRR from its cached Stripe prices for the
/// plans' price ids (annual counted as a twelfth a month, lifetime and hand-granted terms excluded); new (first paid)
/// and churned (ended) in [<see cref="From"/>, <see cref="To"/>); and how many free leads became payers.
/// </summary>
public sealed record GetSubscriptionMetrics(DateTimeOffset? From, DateTimeOffset? To) : ITenantQuery<SubscriptionMetricsDto>;

public sealed record SubscriptionMetricsDto(
    DateTimeOffset From, DateTimeOffset To, IReadOnlyDictionary<string, int> ActiveByPlan, IReadOnlyList<Mrr> Mrr, int New, int Churned,
    int ConvertedFreeLeads, int FreeLeads, double ConversionRate);

/// <summary>Monthly recurring revenue in the price's minor units (e.g. cents), per currency.</summary>
public sealed record Mrr(string Currency, long AmountMinor);

internal sealed class GetSubscriptionMetricsValidator : AbstractValidator<GetSubscriptionMetrics>
{
    public GetSubscriptionMetricsValidator() =>
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("Must be after 'from'.");
}

internal sealed class GetSubscriptionMetricsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetSubscriptionMetrics, SubscriptionMetricsDto>
{
    public async ValueTask<SubscriptionMetricsDto> Handle(GetSubscriptionMetrics query, CancellationToken cancellationToken)
    {
        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to.AddDays(-30);
        var active = await SubscriptionFigures.ActiveAsync(db, cancellationToken);
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var prices = await SubscriptionFigures.PlanPricesAsync(db, settings, cancellationToken);

        var started = await SubscriptionFigures.Counted(db).CountAsync(s => s.FirstPaidAt >= from && s.FirstPaidAt < to, cancellationToken);
        var churned = await SubscriptionFigures.Counted(db).CountAsync(
            s => (s.Status == SubscriptionStatus.Cancelled || s.Status == SubscriptionStatus.Expired) && s.EndedAt >= from && s.EndedAt < to,
            cancellationToken);
        var conversion = await SubscriptionFigures.ConversionAsync(db, cancellationToken);
        return new SubscriptionMetricsDto(
            from, to, SubscriptionFigures.ByPlan(active), SubscriptionFigures.Mrr(active, settings, prices), started, churned, conversion.Converted,
            conversion.FreeLeads, conversion.Rate);
    }
}
