namespace PromoStack.Application.Stripe;

/// <summary>A tenant's Stripe account as the gateway reaches it: its secret key and, for Connect, the account id.</summary>
public sealed record StripeAccess(string SecretKey, string? AccountId);

public sealed record StripeCatalogProduct(string Id, string Name, string? Description, bool Active);

public sealed record StripeCatalogPrice(
    string Id, string ProductId, string Currency, long? UnitAmount, string? RecurringInterval, int? RecurringIntervalCount, string? Nickname, bool Active);

public sealed record StripeCatalog(IReadOnlyList<StripeCatalogProduct> Products, IReadOnlyList<StripeCatalogPrice> Prices);

/// <summary>Stripe for the features, through Stripe.net (its base URL is configurable, so tests use a fake).</summary>
public interface IStripeGateway
{
    /// <summary>A cheap authenticated call that proves the key (and the connected account) work.</summary>
    Task CheckAccessAsync(StripeAccess access, CancellationToken cancellationToken);

    Task<StripeCatalog> ReadCatalogAsync(StripeAccess access, CancellationToken cancellationToken);

    /// <summary>Tells Stripe to end (or keep) a subscription at its period end.</summary>
    Task SetCancelAtPeriodEndAsync(StripeAccess access, string stripeSubscriptionId, bool cancel, CancellationToken cancellationToken);

    /// <summary>Ends a subscription in Stripe now, so it charges no more (one Stripe no longer has is already ended).</summary>
    Task CancelSubscriptionAsync(StripeAccess access, string stripeSubscriptionId, CancellationToken cancellationToken);

    /// <summary>A hosted Checkout page for one price: subscription mode for a recurring price, payment mode otherwise.</summary>
    Task<StripeCheckout> CreateCheckoutAsync(StripeAccess access, StripeCheckoutRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// What a Checkout Session carries: the price, who pays, where Stripe sends them after, and our ids — the pending
/// subscription it is made for as its <c>client_reference_id</c>, and in the metadata of the session and of the
/// subscription it creates.
/// </summary>
public sealed record StripeCheckoutRequest(
    string PriceId, bool Recurring, string? Email, string SuccessUrl, string CancelUrl, string ClientReferenceId, IReadOnlyDictionary<string, string> Metadata);

public sealed record StripeCheckout(string SessionId, string Url);

/// <summary>Stripe refused the call (bad key, no such account): a 400 with Stripe's reason.</summary>
public sealed class StripeRejectedException(string message) : Exception(message);

/// <summary>Stripe could not be reached or failed: a 503.</summary>
public sealed class StripeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public static class StripeSecrets
{
    public const string SecretKey = "stripe.secret-key";
    public const string WebhookSecret = "stripe.webhook-secret";
}

/// <summary>A verified Stripe event: its id, type, creation time, API version and data object (raw JSON).</summary>
public sealed record StripeEventEnvelope(string Id, string Type, DateTimeOffset Created, string? ApiVersion, System.Text.Json.JsonElement Object);

/// <summary>Checks a webhook's <c>Stripe-Signature</c> over the exact body (5 minutes' tolerance) and reads its envelope.</summary>
public interface IStripeWebhookVerifier
{
    /// <summary>The event, or null when the signature is missing, wrong or too old, or the body is not an event.</summary>
    StripeEventEnvelope? Verify(string json, string? signatureHeader, string secret, DateTimeOffset now);
}

/// <summary>
/// Stripe event ids the current tenant has handled, inserted in the transaction that applies the event: true for the
/// first delivery of an id, false for any repeat, also when two deliveries race.
/// </summary>
public interface IWebhookEventLedger
{
    Task<bool> TryRecordAsync(string eventId, string eventType, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The event recorded in this transaction changed nothing, for this reason.</summary>
    Task MarkIgnoredAsync(string eventId, string reason, CancellationToken cancellationToken);
}

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
