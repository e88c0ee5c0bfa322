using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Stripe;

/// <summary>The cached products and their prices (no Stripe call).</summary>
public sealed record ListStripeProducts : ITenantQuery<IReadOnlyList<CachedProductDto>>;

internal sealed class ListStripeProductsHandler(IAppDbContext db) : IQueryHandler<ListStripeProducts, IReadOnlyList<CachedProductDto>>
{
    public async ValueTask<IReadOnlyList<CachedProductDto>> Handle(ListStripeProducts query, CancellationToken cancellationToken) =>
        await StripeCatalogView.ReadAsync(db, cancellationToken);
}
