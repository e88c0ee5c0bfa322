using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Webhooks;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// A Stripe delivery for the tenant its URL names (entered by the route) is verified before anything is done for it,
/// outside any transaction. The cheap checks come first: a name no tenant can have, or a <c>Stripe-Signature</c> that
/// cannot be Stripe's (no <c>v1</c>, a timestamp outside the tolerance) is refused before the body is read or a secret
/// looked up; then the signature over the exact body with the tenant's secret from memory
/// (<see cref="CachedStripeWebhookSecrets"/>: read at most every 10 s, and read again for a rejected signature only as
/// often as <see cref="CachedStripeWebhookSecrets.MayRecheck"/> allows). A source over its limits
/// (<see cref="WebhookSource"/>) causes no query at all.
/// </summary>
public sealed class StripeWebhookGate(
    CachedStripeWebhookSecrets webhookSecrets, ISecretProtector secrets, StripeWebhookVerifier verifier, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>The verified event; refused when the delivery does not verify with the tenant's secret.</summary>
    public async Task<WebhookVerdict<StripeEvent>> VerifyAsync(
        string? signature, Func<CancellationToken, Task<string>> readBody, WebhookSource source, CancellationToken cancellationToken)
    {
        if (source.IsOverRequestCap)
        {
            return WebhookVerdict.Limit<StripeEvent>();
        }

        var now = clock.GetUtcNow();
        if (TenantSlug.Problem(tenant.RequiredTenantId) is not null || !StripeWebhookVerifier.IsPlausible(signature, now))
        {
            return WebhookVerdict.Fail<StripeEvent>(source);
        }

        var copy = webhookSecrets.Recall(acceptStale: source.IsLimited);
        if (copy is null)
        {
            if (source.IsLimited)
            {
                return WebhookVerdict.Limit<StripeEvent>();
            }

            copy = await webhookSecrets.ReadAsync(cancellationToken);
        }

        var json = await readBody(cancellationToken);
        var stripeEvent = Verify(json, signature, copy, now);
        if (stripeEvent is null && !source.IsLimited && webhookSecrets.MayRecheck(copy))
        {
            // The copy may predate a secret the tenant has just set or rolled on another instance.
            var stored = await webhookSecrets.RecheckAsync(cancellationToken);
            if (stored.Encrypted != copy.Encrypted)
            {
                stripeEvent = Verify(json, signature, stored, now);
            }
        }

        return stripeEvent is null ? WebhookVerdict.Fail<StripeEvent>(source) : WebhookVerdict.Admit(stripeEvent);
    }

    private StripeEvent? Verify(string json, string? signature, CachedStripeWebhookSecrets.Remembered copy, DateTimeOffset now) =>
        copy.Encrypted is null ? null : verifier.Verify(json, signature, secrets.Unprotect(StripeSecrets.WebhookSecret, copy.Encrypted), now);
}
