namespace PromoStack.Domain.Common;

/// <summary>
/// A row that belongs to one tenant or, with no <see cref="TenantId"/>, to the platform itself (the audit entry of a
/// platform-wide action). Scoped like <see cref="ITenantOwned"/>: a unit of work sees its own tenant's rows, one
/// without a tenant sees the platform's, and a save of another tenant's row is refused. A platform row may be saved
/// from any unit of work: it is no tenant's, so no tenant ever reads it.
/// </summary>
public interface ITenantOrPlatformOwned
{
    string? TenantId { get; }
}
