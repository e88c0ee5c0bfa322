using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// The subscription figures the metrics and the home screen share, so both count the same way: active subscriptions
/// by plan, MRR from the cached Stripe prices, and free-lead conversion. Each is one query, scoped to the tenant.
/// </summary>
internal static class SubscriptionFigures
{
    /// <summary>Active subscriptions counted by plan and by whether they renew.</summary>
    public static async Task<IReadOnlyList<ActiveCount>> ActiveAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.TelegramSubscriptions.AsNoTracking().Where(s => s.Status == SubscriptionStatus.Active)
            .GroupBy(s => new { s.PlanType, s.Renews })
            .Select(g => new ActiveCount(g.Key.PlanType, g.Key.Renews, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>Every plan by its lowercase name, with how many active subscriptions it has (zero included).</summary>
    public static IReadOnlyDictionary<string, int> ByPlan(IReadOnlyList<ActiveCount> active) =>
        Enum.GetValues<PlanType>().ToDictionary(p => p.ToString().ToLowerInvariant(), p => active.Where(a => a.Plan == p).Sum(a => a.Count));

    /// <summary>The cached Stripe prices of the plans the settings name, by price id.</summary>
    public static async Task<IReadOnlyDictionary<string, TenantStripePrice>> PlanPricesAsync(
        IAppDbContext db, TenantStripeSettings? settings, CancellationToken cancellationToken)
    {
        var priceIds = new[] { settings?.VipPriceId, settings?.AnnualPriceId, settings?.LifetimePriceId }.OfType<string>().ToList();
        return priceIds.Count == 0
            ? new Dictionary<string, TenantStripePrice>()
            : await db.StripePrices.AsNoTracking().Where(p => priceIds.Contains(p.StripePriceId)).ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
    }

    /// <summary>The configured price of a plan, when the catalogue has it with an amount.</summary>
    public static TenantStripePrice? PriceOf(PlanType plan, TenantStripeSettings? settings, IReadOnlyDictionary<string, TenantStripePrice> prices)
    {
        var priceId = plan switch
        {
            PlanType.Monthly => settings?.VipPriceId,
            PlanType.Annual => settings?.AnnualPriceId,
            _ => settings?.LifetimePriceId,
        };
        return priceId is not null && prices.TryGetValue(priceId, out var price) && price.UnitAmount is not null ? price : null;
    }

    /// <summary>
    /// Monthly recurring revenue per currency: renewing monthly subscriptions at the monthly price, renewing annual ones
    /// at a twelfth of the annual price; lifetime purchases and hand-granted terms (which do not renew) are left out.
    /// </summary>
    public static IReadOnlyList<Mrr> Mrr(IReadOnlyList<ActiveCount> active, TenantStripeSettings? settings, IReadOnlyDictionary<string, TenantStripePrice> prices)
    {
        var mrr = new Dictionary<string, long>();
        foreach (var (plan, months) in new[] { (PlanType.Monthly, 1), (PlanType.Annual, 12) })
        {
            var paying = active.Where(a => a.Plan == plan && a.Renews).Sum(a => a.Count);
            if (PriceOf(plan, settings, prices) is { UnitAmount: { } amount } price && paying > 0)
            {
                mrr[price.Currency] = mrr.GetValueOrDefault(price.Currency) + (paying * amount / months);
            }
        }

        return [.. mrr.Select(m => new Mrr(m.Key, m.Value))];
    }

    /// <summary>The subscriptions of former free leads who paid.</summary>
    public static IQueryable<TelegramSubscription> ConvertedFreeLeads(IAppDbContext db) =>
        db.TelegramSubscriptions.AsNoTracking().Where(s => s.IsConverted && s.FirstPaidAt != null);

    /// <summary>Free leads who became payers, and free leads who have not (yet).</summary>
    public static async Task<FreeLeadConversion> ConversionAsync(IAppDbContext db, CancellationToken cancellationToken) => new(
        await ConvertedFreeLeads(db).CountAsync(cancellationToken),
        await FreeLeads.UserIds(db).CountAsync(cancellationToken));
}

/// <summary>How many active subscriptions a plan has that renew (or not).</summary>
internal sealed record ActiveCount(PlanType Plan, bool Renews, int Count);

/// <summary>Free leads who paid (<see cref="Converted"/>) and those who have not (<see cref="FreeLeads"/>).</summary>
internal sealed record FreeLeadConversion(int Converted, int FreeLeads)
{
    public double Rate => Converted + FreeLeads == 0 ? 0 : (double)Converted / (Converted + FreeLeads);
}
