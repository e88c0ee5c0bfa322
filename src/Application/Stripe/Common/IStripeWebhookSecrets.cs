namespace PromoStack.Application.Stripe;

/// <summary>
/// The tenants' webhook secrets as the Stripe webhook remembers them (a few seconds per instance: each delivery needs
/// one before anything else).
/// </summary>
public interface IStripeWebhookSecrets
{
    /// <summary>Drops what this instance remembers of the current tenant's secret, when the tenant saves its settings.</summary>
    void Forget();
}
