using System.Linq.Expressions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.TenantUsers;

/// <summary>A member of the tenant, or an invitation: <see cref="Pending"/> until the invitee accepts it, which they can until <see cref="InviteExpiresAt"/>.</summary>
public sealed record TenantUserDto(int Id, string Email, TenantRole Role, bool Pending, DateTimeOffset CreatedAt, DateTimeOffset? InviteExpiresAt)
{
    public static readonly Expression<Func<TenantUser, TenantUserDto>> Projection =
        u => new TenantUserDto(u.Id, u.Email, u.Role, u.ClerkUserId == null, u.CreatedAt, u.InviteExpiresAt);

    public static TenantUserDto From(TenantUser user) => new(user.Id, user.Email, user.Role, user.IsPendingInvite, user.CreatedAt, user.InviteExpiresAt);
}
