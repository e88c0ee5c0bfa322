using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// What a renewing subscription brings in a month, per plan, from the tenant's cached Stripe prices of its configured
/// plans: the monthly price, a twelfth of the annual one. Lifetime and hand-granted terms (which do not renew) bring
/// no MRR; a plan without a cached price counts for nothing.
/// </summary>
internal sealed class MrrPrices
{
    private readonly List<(PlanType Plan, int Months, string Currency, long Amount)> _plans;

    private MrrPrices(List<(PlanType Plan, int Months, string Currency, long Amount)> plans) => _plans = plans;

    public static async Task<MrrPrices> LoadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var priceIds = new[] { settings?.VipPriceId, settings?.AnnualPriceId }.OfType<string>().ToList();
        var prices = await db.StripePrices.AsNoTracking().Where(p => priceIds.Contains(p.StripePriceId)).ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
        var plans = new List<(PlanType, int, string, long)>();
        void Add(string? priceId, PlanType plan, int months)
        {
            if (priceId is not null && prices.TryGetValue(priceId, out var price) && price.UnitAmount is { } amount)
            {
                plans.Add((plan, months, price.Currency, amount));
            }
        }

        Add(settings?.VipPriceId, PlanType.Monthly, 1);
        Add(settings?.AnnualPriceId, PlanType.Annual, 12);
        return new MrrPrices(plans);
    }

    /// <summary>The MRR per currency of <paramref name="renewing"/> active renewing subscriptions of each plan; currencies with none left out.</summary>
    public IReadOnlyList<Mrr> Of(Func<PlanType, int> renewing)
    {
        var mrr = new Dictionary<string, long>();
        foreach (var (plan, months, currency, amount) in _plans)
        {
            if (renewing(plan) is var paying and > 0)
            {
                mrr[currency] = mrr.GetValueOrDefault(currency) + (paying * amount / months);
            }
        }

        return [.. mrr.Select(m => new Mrr(m.Key, m.Value))];
    }
}
