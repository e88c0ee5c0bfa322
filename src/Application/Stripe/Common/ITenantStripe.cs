using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Stripe;

/// <summary>
/// The current tenant's Stripe account as <see cref="IStripeGateway"/> reaches it: the stored secret key, decrypted,
/// and the connected account; null while the tenant has saved no key. The one place a stored key is decrypted for a
/// call, so no handler repeats how (saving the settings builds its own from the key and account being saved, to check
/// them with Stripe before they are stored).
/// </summary>
public interface ITenantStripe
{
    /// <summary>Reads the tenant's settings for it (one query); for handlers that need nothing else from them.</summary>
    Task<StripeAccess?> ForCurrentTenantAsync(CancellationToken cancellationToken);

    /// <summary>From the current tenant's settings the caller has already read (for its prices): no second query.</summary>
    StripeAccess? Of(TenantStripeSettings? settings);
}
