namespace PromoStack.Domain.Tenants;

/// <summary>Stored as <c>admin</c> / <c>member</c>. Admins manage everything of their tenant; members only read.</summary>
public enum TenantRole
{
    Admin,
    Member,
}
