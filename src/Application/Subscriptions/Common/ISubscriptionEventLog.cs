using PromoStack.Domain.Common;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// The domain events stored about one subscription (<c>SubscriptionActivated</c>, <c>SubscriptionRenewed</c>,
/// <c>SubscriptionCancelled</c>, <c>SubscriptionExpired</c>, any other naming its <c>subscriptionId</c>). The store keeps
/// a dispatched event for 30 days, so older changes are known only from what the subscription row itself records.
/// </summary>
public interface ISubscriptionEventLog
{
    /// <summary>The subscription's stored events, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RecordedSubscriptionEvent>> ListAsync(int subscriptionId, int limit, CancellationToken cancellationToken);
}

/// <summary>A stored event and when it was recorded (with the change that raised it).</summary>
public sealed record RecordedSubscriptionEvent(DateTimeOffset OccurredAt, IDomainEvent Event);
