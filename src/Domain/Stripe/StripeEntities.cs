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

/// <summary>Cached Stripe product of a tenant.</summary>
public sealed class TenantStripeProduct : ITenantOwned
{
    private TenantStripeProduct(string tenantId, string stripeProductId, string name)
    {
        TenantId = tenantId;
        StripeProductId = stripeProductId;
        Name = name;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string StripeProductId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset SyncedAt { get; private set; }

    public static TenantStripeProduct Cache(string tenantId, string stripeProductId, string name, string? description, bool active, DateTimeOffset now)
    {
        var product = new TenantStripeProduct(tenantId, stripeProductId, name);
        product.Refresh(name, description, active, now);
        return product;
    }

    public void Refresh(string name, string? description, bool active, DateTimeOffset now)
    {
        Name = name;
        Description = description;
        Active = active;
        SyncedAt = now;
    }
}

/// <summary>Cached Stripe price of a tenant (amount in the currency's minor unit).</summary>
public sealed class TenantStripePrice : ITenantOwned
{
    private TenantStripePrice(string tenantId, string stripePriceId, string stripeProductId, string currency)
    {
        TenantId = tenantId;
        StripePriceId = stripePriceId;
        StripeProductId = stripeProductId;
        Currency = currency;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string StripePriceId { get; private set; }
    public string StripeProductId { get; private set; }
    public string Currency { get; private set; }
    public long? UnitAmount { get; private set; }
    public string? RecurringInterval { get; private set; }
    public int? RecurringIntervalCount { get; private set; }
    public string? Nickname { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset SyncedAt { get; private set; }

    public static TenantStripePrice Cache(
        string tenantId, string stripePriceId, string stripeProductId, string currency, long? unitAmount,
        string? recurringInterval, int? recurringIntervalCount, string? nickname, bool active, DateTimeOffset now) =>
        new(tenantId, stripePriceId, stripeProductId, currency)
        {
            UnitAmount = unitAmount,
            RecurringInterval = recurringInterval,
            RecurringIntervalCount = recurringIntervalCount,
            Nickname = nickname,
            Active = active,
            SyncedAt = now,
        };

    public void Refresh(long? unitAmount, string? recurringInterval, int? recurringIntervalCount, string? nickname, bool active, DateTimeOffset now)
    {
        UnitAmount = unitAmount;
        RecurringInterval = recurringInterval;
        RecurringIntervalCount = recurringIntervalCount;
        Nickname = nickname;
        Active = active;
        SyncedAt = now;
    }
}

/// <summary>
/// A Stripe event already handled for a tenant: applied, or ignored with the reason (a sale PromoStack did not make).
/// Keyed by (tenant, event id) — two tenants on one Stripe account receive the same event, and each applies it once —
/// and inserted in the same transaction as the event's effects, so a repeated delivery changes nothing.
/// </summary>
public sealed class ProcessedWebhookEvent : ITenantOwned
{
    private ProcessedWebhookEvent(string eventId, string tenantId, string eventType, DateTimeOffset processedAt)
    {
        EventId = eventId;
        TenantId = tenantId;
        EventType = eventType;
        ProcessedAt = processedAt;
    }

    public string EventId { get; private set; }
    public string TenantId { get; private set; }
    public string EventType { get; private set; }
    public DateTimeOffset ProcessedAt { get; private set; }

    /// <summary>Stored as <c>applied</c> or <c>ignored</c>.</summary>
    public WebhookEventOutcome Outcome { get; private set; }

    /// <summary>Why an ignored event changed nothing.</summary>
    public string? Reason { get; private set; }

    public static ProcessedWebhookEvent Record(string eventId, string tenantId, string eventType, DateTimeOffset now) =>
        new(eventId, tenantId, eventType, now);
}

public enum WebhookEventOutcome
{
    Applied,
    Ignored,
}
