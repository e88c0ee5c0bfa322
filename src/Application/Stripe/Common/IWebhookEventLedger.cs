namespace PromoStack.Application.Stripe;

/// <summary>
/// Stripe event ids the current tenant has handled, inserted in the transaction that applies the event: true for the
/// first delivery of an id, false for any repeat, also when two deliveries race.
/// </summary>
public interface IWebhookEventLedger
{
    Task<bool> TryRecordAsync(string eventId, string eventType, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The event recorded in this transaction changed nothing, for this reason.</summary>
    Task MarkIgnoredAsync(string eventId, string reason, CancellationToken cancellationToken);
}
