using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Stripe;

/// <summary>Copies the tenant's Stripe products and prices into the cache; ones Stripe no longer lists are marked inactive.</summary>
public sealed record SyncStripeCatalog : ITenantCommand<IReadOnlyList<CachedProductDto>>, ICallsOutsideServices;

internal sealed class SyncStripeCatalogHandler(IAppDbContext db, ITenantContext tenant, ITenantStripe tenantStripe, IStripeGateway stripe, TimeProvider clock)
    : ICommandHandler<SyncStripeCatalog, IReadOnlyList<CachedProductDto>>
{
    public async ValueTask<IReadOnlyList<CachedProductDto>> Handle(SyncStripeCatalog command, CancellationToken cancellationToken)
    {
        var access = await tenantStripe.ForCurrentTenantAsync(cancellationToken)
                     ?? throw new ConflictException("Save the Stripe settings (PUT /api/stripe/settings) before syncing.");
        var catalog = await stripe.ReadCatalogAsync(access, cancellationToken);
        var now = clock.GetUtcNow();
        var tenantId = tenant.RequiredTenantId;
        var products = await db.StripeProducts.ToDictionaryAsync(p => p.StripeProductId, cancellationToken);
        foreach (var product in catalog.Products)
        {
            if (products.Remove(product.Id, out var cached))
            {
                cached.Refresh(product.Name, product.Description, product.Active, now);
            }
            else
            {
                db.StripeProducts.Add(TenantStripeProduct.Cache(tenantId, product.Id, product.Name, product.Description, product.Active, now));
            }
        }

        foreach (var gone in products.Values)
        {
            gone.Refresh(gone.Name, gone.Description, false, now);
        }

        var prices = await db.StripePrices.ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
        foreach (var price in catalog.Prices)
        {
            if (prices.Remove(price.Id, out var cached))
            {
                cached.Refresh(price.UnitAmount, price.RecurringInterval, price.RecurringIntervalCount, price.Nickname, price.Active, now);
            }
            else
            {
                db.StripePrices.Add(TenantStripePrice.Cache(
                    tenantId, price.Id, price.ProductId, price.Currency, price.UnitAmount, price.RecurringInterval, price.RecurringIntervalCount, price.Nickname,
                    price.Active, now));
            }
        }

        foreach (var gone in prices.Values)
        {
            gone.Refresh(gone.UnitAmount, gone.RecurringInterval, gone.RecurringIntervalCount, gone.Nickname, false, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await StripeCatalogView.ReadAsync(db, cancellationToken);
    }
}
