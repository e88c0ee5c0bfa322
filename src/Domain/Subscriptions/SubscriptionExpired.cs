using PromoStack.Domain.Common;

namespace PromoStack.Domain.Subscriptions;

public sealed record SubscriptionExpired(string TenantId, int SubscriptionId, long? TelegramUserId, PlanType Plan) : IDomainEvent;
