using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.TenantUsers;

internal static class TenantAdmins
{
    /// <summary>
    /// Counts the tenant's signed-up admins after locking the tenant until the transaction ends, so that two admins
    /// demoting or removing each other at once cannot leave the tenant without one.
    /// </summary>
    public static async Task<int> CountLockedAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        await db.LockCurrentTenantAsync(cancellationToken);
        return await db.TenantUsers.CountAsync(u => u.Role == TenantRole.Admin && u.ClerkUserId != null, cancellationToken);
    }
}
