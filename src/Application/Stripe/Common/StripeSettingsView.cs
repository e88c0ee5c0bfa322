using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Stripe;

internal static class StripeSettingsView
{
    public static StripeSettingsDto Of(TenantStripeSettings? s, ISecretProtector secrets) => s is null
        ? new StripeSettingsDto(false, null, null, null, null, new StripePlanPrices(null, null, null), null)
        : new StripeSettingsDto(
            s.SecretKey is not null,
            s.SecretKey is null ? null : SecretMask.Mask(secrets.Unprotect(StripeSecrets.SecretKey, s.SecretKey)),
            s.WebhookSecret is null ? null : SecretMask.Mask(secrets.Unprotect(StripeSecrets.WebhookSecret, s.WebhookSecret)),
            s.StripeAccountId, s.VipProductId, new StripePlanPrices(s.VipPriceId, s.AnnualPriceId, s.LifetimePriceId), s.UpdatedAt);
}
