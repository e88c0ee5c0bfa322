namespace PromoStack.Application.Stripe;

/// <summary>Checks a webhook's <c>Stripe-Signature</c> over the exact body (5 minutes' tolerance) and reads its envelope.</summary>
public interface IStripeWebhookVerifier
{
    /// <summary>The event, or null when the signature is missing, wrong or too old, or the body is not an event.</summary>
    StripeEventEnvelope? Verify(string json, string? signatureHeader, string secret, DateTimeOffset now);
}

/// <summary>A verified Stripe event: its id, type, creation time, API version and data object (raw JSON).</summary>
public sealed record StripeEventEnvelope(string Id, string Type, DateTimeOffset Created, string? ApiVersion, System.Text.Json.JsonElement Object);
