namespace PromoStack.Application.Subscriptions;

/// <summary>
/// Checks a webhook's <c>Stripe-Signature</c> over the exact body (5 minutes' tolerance) and reads the event into a
/// typed <see cref="StripeEvent"/>: how Stripe's JSON looks in each API version is the adapter's business, never the
/// handler's.
/// </summary>
public interface IStripeWebhookVerifier
{
    /// <summary>The event, or null when the signature is missing, wrong or too old, or the body is not an event.</summary>
    StripeEvent? Verify(string json, string? signatureHeader, string secret, DateTimeOffset now);
}
