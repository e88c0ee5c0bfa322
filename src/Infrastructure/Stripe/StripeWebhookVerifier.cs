using System.Globalization;
using PromoStack.Application.Subscriptions;
using Stripe;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// Stripe.net's signature check (HMAC-SHA256 of <c>t.body</c>, any <c>v1</c> may match, 300 s tolerance against our
/// clock), then <see cref="StripeEventParser"/>, whatever the event's API version: an endpoint configured with an older
/// or newer version still works. How Stripe's JSON looks in each API version is this adapter's business, never the
/// handler's.
/// </summary>
public sealed class StripeWebhookVerifier
{
    public const long ToleranceSeconds = 300;

    /// <summary>The event, or null when the signature is missing, wrong or too old, or the body is not an event.</summary>
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

    /// <summary>
    /// Whether a <c>Stripe-Signature</c> header can be Stripe's at all, without the body or a secret: a timestamp within
    /// the tolerance of <paramref name="now"/> (either way, as <see cref="Verify"/> checks it) and a <c>v1</c> signature.
    /// </summary>
    public static bool IsPlausible(string? signatureHeader, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return false;
        }

        long? signedAt = null;
        var hasSignature = false;
        foreach (var part in signatureHeader.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)
                && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                signedAt = seconds;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length > 3)
            {
                hasSignature = true;
            }
        }

        return hasSignature && signedAt is { } at && Math.Abs(now.ToUnixTimeSeconds() - at) <= ToleranceSeconds;
    }
}
