using PromoStack.Application.Subscriptions;
using Stripe;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// Stripe.net's signature check (HMAC-SHA256 of <c>t.body</c>, any <c>v1</c> may match, 300 s tolerance against our
/// clock), then <see cref="StripeEventParser"/>, whatever the event's API version: an endpoint configured with an older
/// or newer version still works.
/// </summary>
public sealed class StripeWebhookVerifier : IStripeWebhookVerifier
{
    public const long ToleranceSeconds = 300;

    public StripeEvent? Verify(string json, string? signatureHeader, string secret, DateTimeOffset now)
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

        return StripeEventParser.Parse(json);
    }
}
