using PromoStack.Domain.Common;

namespace PromoStack.Domain.Stripe;

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
