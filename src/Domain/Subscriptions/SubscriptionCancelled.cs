using PromoStack.Domain.Common;

namespace PromoStack.Domain.Subscriptions;

public sealed record SubscriptionCancelled(
    string TenantId, int SubscriptionId, long? TelegramUserId, PlanType Plan, CancellationReason Reason) : IDomainEvent;
