namespace PromoStack.Domain.Common;

/// <summary>
/// A row that belongs to one tenant. Queries over it are scoped to the current tenant by construction and a save
/// of it under another tenant is refused.
/// </summary>
public interface ITenantOwned
{
    string TenantId { get; }
}

/// <summary>
/// A row that is deliberately not scoped to a tenant (tenants themselves, Clerk users, platform operators, system
/// tables). Every persisted type must be either this or <see cref="ITenantOwned"/>; start-up checks it.
/// </summary>
public interface IGlobalEntity;
