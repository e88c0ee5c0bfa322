using System.Text.Json;
using PromoStack.Application.Stripe;
using Stripe;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// Stripe.net's signature check (HMAC-SHA256 of <c>t.body</c>, any <c>v1</c> may match, 300 s tolerance against our
/// clock). The envelope is then read as plain JSON, whatever the event's API version: the fields the features use
/// are read where each version puts them, so an endpoint configured with an older or newer version still works.
/// </summary>
public sealed class StripeWebhookVerifier : IStripeWebhookVerifier
{
    public const long ToleranceSeconds = 300;

    public StripeEventEnvelope? Verify(string json, string? signatureHeader, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return null;
        }

        try
        {
            EventUtility.ValidateSignature(json, signatureHeader, secret, ToleranceSeconds, now.ToUnixTimeSeconds());
        }
        catch (StripeException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } eventId
                   && root.TryGetProperty("type", out var type) && type.GetString() is { Length: > 0 } eventType
                   && root.TryGetProperty("created", out var created) && created.TryGetInt64(out var seconds)
                   && root.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var obj)
                ? new StripeEventEnvelope(
                    eventId, eventType, DateTimeOffset.FromUnixTimeSeconds(seconds),
                    root.TryGetProperty("api_version", out var version) ? version.GetString() : null, obj.Clone())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
