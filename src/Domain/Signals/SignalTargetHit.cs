using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>Target <see cref="Level"/> (1–3) was reached.</summary>
public sealed record SignalTargetHit(string TenantId, int SignalId, int Level) : IDomainEvent;
