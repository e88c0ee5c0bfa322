using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

public sealed record SignalOpened(string TenantId, int SignalId) : IDomainEvent;
