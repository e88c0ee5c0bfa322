namespace PromoStack.Application.Stripe;

/// <summary>The tenant's Stripe settings; secrets only masked, and only whether they are set.</summary>
public sealed record StripeSettingsDto(
    bool Configured, string? SecretKey, string? WebhookSecret, string? StripeAccountId, string? VipProductId, StripePlanPrices Prices, DateTimeOffset? UpdatedAt);

public sealed record StripePlanPrices(string? Monthly, string? Annual, string? Lifetime);
