using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>The plans a tenant has a price for, priced from the cached Stripe catalogue.</summary>
internal sealed class PlanOffers(IAppDbContext db)
{
    public async Task<IReadOnlyList<PlanOffer>> ListAsync(CancellationToken cancellationToken)
    {
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings?.SecretKey is null)
        {
            return [];
        }

        (PlanType Plan, string? PriceId)[] configured =
            [(PlanType.Monthly, settings.VipPriceId), (PlanType.Annual, settings.AnnualPriceId), (PlanType.Lifetime, settings.LifetimePriceId)];
        var priceIds = configured.Where(c => c.PriceId is not null).Select(c => c.PriceId!).ToList();
        var prices = await db.StripePrices.AsNoTracking().Where(p => priceIds.Contains(p.StripePriceId))
            .ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
        return
        [
            .. configured.Where(c => c.PriceId is not null).Select(c => new PlanOffer(
                c.Plan, c.PriceId!,
                prices.TryGetValue(c.PriceId!, out var price) && price.UnitAmount is { } amount
                    ? StripeMoney.Format(amount, price.Currency) + StripeMoney.Per(price.RecurringInterval, price.RecurringIntervalCount)
                    : null)),
        ];
    }
}

/// <summary>A plan the tenant sells: its Stripe price and, once the catalogue is synced, what it costs.</summary>
internal sealed record PlanOffer(PlanType Plan, string PriceId, string? Price)
{
    public string Name => Plan.ToString();

    public string Label => Price is null ? Name : $"{Name} · {Price}";
}
