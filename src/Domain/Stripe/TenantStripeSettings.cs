using PromoStack.Domain.Common;

namespace PromoStack.Domain.Stripe;

/// <summary>A tenant's Stripe account settings. Secret key and webhook secret are ciphertexts.</summary>
public sealed class TenantStripeSettings : ITenantOwned
{
    private TenantStripeSettings(string tenantId, DateTimeOffset updatedAt)
    {
        TenantId = tenantId;
        UpdatedAt = updatedAt;
    }

    public string TenantId { get; private set; }
    public string? StripeAccountId { get; private set; }
    public string? VipProductId { get; private set; }
    /// <summary>The monthly plan's price (the contract's <c>vip_price_id</c>).</summary>
    public string? VipPriceId { get; private set; }

    public string? AnnualPriceId { get; private set; }
    public string? LifetimePriceId { get; private set; }
    public string? SecretKey { get; private set; }
    public string? WebhookSecret { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static TenantStripeSettings Create(string tenantId, DateTimeOffset now) => new(tenantId, now);

    public void SetSecrets(string encryptedSecretKey, string? encryptedWebhookSecret, DateTimeOffset now)
    {
        SecretKey = encryptedSecretKey;
        WebhookSecret = encryptedWebhookSecret ?? WebhookSecret;
        UpdatedAt = now;
    }

    public void SetProduct(string? accountId, string? productId, string? monthlyPriceId, string? annualPriceId, string? lifetimePriceId, DateTimeOffset now)
    {
        StripeAccountId = accountId;
        VipProductId = productId;
        VipPriceId = monthlyPriceId;
        AnnualPriceId = annualPriceId;
        LifetimePriceId = lifetimePriceId;
        UpdatedAt = now;
    }
}
