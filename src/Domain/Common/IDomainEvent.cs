namespace PromoStack.Domain.Common;

/// <summary>
/// A fact other features react to. It is stored in the same transaction as the change that raised it and
/// dispatched after commit, at most once per handler.
/// </summary>
public interface IDomainEvent
{
    string TenantId { get; }
}
