namespace PromoStack.Domain.Common;

/// <summary>
/// A row that belongs to one tenant. Queries over it are scoped to the current tenant by construction and a save
/// of it under another tenant is refused.
/// </summary>
public interface ITenantOwned
{
    string TenantId { get; }
}
