using System.Linq.Expressions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.TenantUsers;

/// <summary>A member of the tenant. <see cref="Pending"/> until the invited email first signs in.</summary>
public sealed record TenantUserDto(int Id, string Email, TenantRole Role, bool Pending, DateTimeOffset CreatedAt)
{
    public static readonly Expression<Func<TenantUser, TenantUserDto>> Projection =
        u => new TenantUserDto(u.Id, u.Email, u.Role, u.ClerkUserId == null, u.CreatedAt);

    public static TenantUserDto From(TenantUser user) => new(user.Id, user.Email, user.Role, user.IsPendingInvite, user.CreatedAt);
}
