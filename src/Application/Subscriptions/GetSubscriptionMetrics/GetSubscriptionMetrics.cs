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

        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var priceIds = new[] { settings?.VipPriceId, settings?.AnnualPriceId }.OfType<string>().ToList();
        var prices = await db.StripePrices.AsNoTracking().Where(p => priceIds.Contains(p.StripePriceId)).ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
        var mrr = new Dictionary<string, long>();
        void Add(string? priceId, PlanType plan, int months)
        {
            var paying = active.Where(a => a.PlanType == plan && a.Renews).Sum(a => a.Count);
            if (priceId is not null && prices.TryGetValue(priceId, out var price) && price.UnitAmount is { } amount && paying > 0)
            {
                mrr[price.Currency] = mrr.GetValueOrDefault(price.Currency) + (paying * amount / months);
            }
        }

        Add(settings?.VipPriceId, PlanType.Monthly, 1);
        Add(settings?.AnnualPriceId, PlanType.Annual, 12);

        var started = await db.TelegramSubscriptions.AsNoTracking().CountAsync(s => s.FirstPaidAt >= from && s.FirstPaidAt < to, cancellationToken);
        var churned = await db.TelegramSubscriptions.AsNoTracking().CountAsync(
            s => (s.Status == SubscriptionStatus.Cancelled || s.Status == SubscriptionStatus.Expired) && s.EndedAt >= from && s.EndedAt < to,
            cancellationToken);
        var converted = await db.TelegramSubscriptions.AsNoTracking().CountAsync(s => s.IsConverted && s.FirstPaidAt != null, cancellationToken);
        var leads = await FreeLeads.UserIds(db).CountAsync(cancellationToken);
        return new SubscriptionMetricsDto(
            from, to, byPlan, [.. mrr.Select(m => new Mrr(m.Key, m.Value))], started, churned, converted, leads,
            converted + leads == 0 ? 0 : (double)converted / (converted + leads));
    }
}
