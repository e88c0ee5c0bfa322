using PromoStack.Application.Common.Exceptions;

namespace PromoStack.Application.Stripe;

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

/// <summary>A tenant's Stripe account as the gateway reaches it: its secret key and, for Connect, the account id.</summary>
public sealed record StripeAccess(string SecretKey, string? AccountId);

public sealed record StripeCatalog(IReadOnlyList<StripeCatalogProduct> Products, IReadOnlyList<StripeCatalogPrice> Prices);

public sealed record StripeCatalogProduct(string Id, string Name, string? Description, bool Active);

public sealed record StripeCatalogPrice(
    string Id, string ProductId, string Currency, long? UnitAmount, string? RecurringInterval, int? RecurringIntervalCount, string? Nickname, bool Active);

/// <summary>
/// What a Checkout Session carries: the price, who pays, where Stripe sends them after, and our ids — the pending
/// subscription it is made for as its <c>client_reference_id</c>, and in the metadata of the session and of the
/// subscription it creates.
/// </summary>
public sealed record StripeCheckoutRequest(
    string PriceId, bool Recurring, string? Email, string SuccessUrl, string CancelUrl, string ClientReferenceId, IReadOnlyDictionary<string, string> Metadata);

public sealed record StripeCheckout(string SessionId, string Url);

/// <summary>Stripe refused the call (bad key, no such account): a 400 with Stripe's reason.</summary>
public sealed class StripeRejectedException(string message) : OutsideServiceRejectedException(message);

/// <summary>Stripe could not be reached or failed: a 503.</summary>
public sealed class StripeUnavailableException(string message, Exception? inner = null) : OutsideServiceUnavailableException(message, inner);
