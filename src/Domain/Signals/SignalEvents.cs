using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

public sealed record SignalOpened(string TenantId, int SignalId) : IDomainEvent;

/// <summary>Target <see cref="Level"/> (1–3) was reached.</summary>
public sealed record SignalTargetHit(string TenantId, int SignalId, int Level) : IDomainEvent;

public sealed record SignalStopped(string TenantId, int SignalId) : IDomainEvent;

/// <summary>The signal reached a final state (TP3, stop or close).</summary>
public sealed record SignalClosed(string TenantId, int SignalId) : IDomainEvent;
