using PromoStack.Domain.Common;

namespace PromoStack.Domain.Stripe;

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
