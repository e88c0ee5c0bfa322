using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

public sealed record SignalStopped(string TenantId, int SignalId) : IDomainEvent;
