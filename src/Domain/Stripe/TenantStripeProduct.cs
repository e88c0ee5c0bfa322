using PromoStack.Domain.Common;

namespace PromoStack.Domain.Stripe;

/// <summary>Cached Stripe product of a tenant.</summary>
public sealed class TenantStripeProduct : ITenantOwned
{
    private TenantStripeProduct(string tenantId, string stripeProductId, string name)
    {
        TenantId = tenantId;
        StripeProductId = stripeProductId;
        Name = name;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string StripeProductId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset SyncedAt { get; private set; }

    public static TenantStripeProduct Cache(string tenantId, string stripeProductId, string name, string? description, bool active, DateTimeOffset now)
    {
        var product = new TenantStripeProduct(tenantId, stripeProductId, name);
        product.Refresh(name, description, active, now);
        return product;
    }

    public void Refresh(string name, string? description, bool active, DateTimeOffset now)
    {
        Name = name;
        Description = description;
        Active = active;
        SyncedAt = now;
    }
}
