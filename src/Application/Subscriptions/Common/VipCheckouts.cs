using System.Globalization;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A Stripe Checkout Session for a pending subscription that already exists: the session names it (its id as the
/// <c>client_reference_id</c> and, with the tenant's id, in the metadata of the session and of the Stripe subscription
/// it makes), so the payment is applied to that subscription alone (see ADR 0007).
/// </summary>
internal sealed class VipCheckouts(ITenantContext tenant, IStripeGateway stripe)
{
    public async Task<StripeCheckout> CreateAsync(
        StripeAccess access, TelegramSubscription subscription, string priceId, string successUrl, string cancelUrl, CancellationToken cancellationToken)
    {
        var id = subscription.Id.ToString(CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string>
        {
            ["tenant_id"] = tenant.RequiredTenantId,
            ["subscription_id"] = id,
            ["plan"] = subscription.PlanType.ToString().ToLowerInvariant(),
        };
        if (subscription.TelegramUserId is { } telegramUserId)
        {
            metadata["telegram_user_id"] = telegramUserId.ToString(CultureInfo.InvariantCulture);
            metadata["telegram_username"] = subscription.TelegramUsername ?? string.Empty;
        }

        return await stripe.CreateCheckoutAsync(
            access,
            new StripeCheckoutRequest(priceId, subscription.PlanType != PlanType.Lifetime, subscription.PayerEmail, successUrl, cancelUrl, id, metadata),
            cancellationToken);
    }
}
