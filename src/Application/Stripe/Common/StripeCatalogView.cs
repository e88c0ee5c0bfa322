using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Stripe;

internal static class StripeCatalogView
{
    public static async Task<IReadOnlyList<CachedProductDto>> ReadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var products = await db.StripeProducts.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var prices = (await db.StripePrices.AsNoTracking().OrderBy(p => p.UnitAmount).ToListAsync(cancellationToken)).ToLookup(p => p.StripeProductId);
        return [.. products.Select(p => new CachedProductDto(p.StripeProductId, p.Name, p.Description, p.Active, p.SyncedAt,
            [.. prices[p.StripeProductId].Select(x => new CachedPriceDto(x.StripePriceId, x.Currency, x.UnitAmount, x.RecurringInterval, x.RecurringIntervalCount, x.Nickname, x.Active))]))];
    }
}
