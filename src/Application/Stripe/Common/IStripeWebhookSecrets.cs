namespace PromoStack.Application.Stripe;

/// <summary>
/// The current tenant's encrypted webhook secret (null when none is set), kept in memory for a few seconds: each
/// webhook needs it before anything else, and reading it cost a database round trip per event.
/// </summary>
public interface IStripeWebhookSecrets
{
    Task<string?> FindAsync(CancellationToken cancellationToken);

    /// <summary>Reads it from the database again, e.g. when the remembered one does not verify (the secret was rolled).</summary>
    Task<string?> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Drops what this instance remembers, when the tenant saves its settings.</summary>
    void Forget();
}
