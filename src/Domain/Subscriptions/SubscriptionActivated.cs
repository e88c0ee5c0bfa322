using PromoStack.Domain.Common;

namespace PromoStack.Domain.Subscriptions;

/// <summary>First activation or a reactivation (not a renewal).</summary>
public sealed record SubscriptionActivated(string TenantId, int SubscriptionId, long? TelegramUserId, PlanType Plan) : IDomainEvent;
