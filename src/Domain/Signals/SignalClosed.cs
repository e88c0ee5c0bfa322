using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>The signal reached a final state (TP3, stop or close).</summary>
public sealed record SignalClosed(string TenantId, int SignalId) : IDomainEvent;
