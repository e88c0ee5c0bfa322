namespace PromoStack.Domain.Common;

/// <summary>
/// A row that is deliberately not scoped to a tenant (tenants themselves, Clerk users, platform operators, system
/// tables). Every persisted type must be either this or <see cref="ITenantOwned"/>; start-up checks it.
/// </summary>
public interface IGlobalEntity;
