using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
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
        var active = await db.TelegramSubscriptions.AsNoTracking().Where(s => s.Status == SubscriptionStatus.Active)
            .GroupBy(s => new { s.PlanType, s.Renews }).Select(g => new { g.Key.PlanType, g.Key.Renews, Count = g.Count() }).ToListAsync(cancellationToken);
        var byPlan = Enum.GetValues<PlanType>().ToDictionary(
            p => p.ToString().ToLowerInvariant(), p => active.Where(a => a.PlanType == p).Sum(a => a.Count));

        var mrr = (await MrrPrices.LoadAsync(db, cancellationToken)).Of(plan => active.Where(a => a.PlanType == plan && a.Renews).Sum(a => a.Count));

        var started = await db.TelegramSubscriptions.AsNoTracking().CountAsync(s => s.FirstPaidAt >= from && s.FirstPaidAt < to, cancellationToken);
        var churned = await db.TelegramSubscriptions.AsNoTracking().CountAsync(
            s => (s.Status == SubscriptionStatus.Cancelled || s.Status == SubscriptionStatus.Expired) && s.EndedAt >= from && s.EndedAt < to,
            cancellationToken);
        var converted = await db.TelegramSubscriptions.AsNoTracking().CountAsync(s => s.IsConverted && s.FirstPaidAt != null, cancellationToken);
        var leads = await FreeLeads.UserIds(db).CountAsync(cancellationToken);
        return new SubscriptionMetricsDto(
            from, to, byPlan, mrr, started, churned, converted, leads,
            converted + leads == 0 ? 0 : (double)converted / (converted + leads));
    }
}
