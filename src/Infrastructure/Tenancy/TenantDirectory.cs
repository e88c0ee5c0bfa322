using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>
/// The one place that looks across tenants, to find out which tenant a unit of work belongs to when it starts
/// without one (a sign-in, a webhook, a public page, a worker, a schedule). Nothing else bypasses the tenant
/// filter; an architecture test keeps it so. What it returns is only ever used to enter a tenant scope.
/// </summary>
public sealed class TenantDirectory(AppDbContext db)
{
    /// <summary>The membership of a Clerk user, if they have one.</summary>
    public Task<TenantUser?> FindMembershipAsync(string clerkUserId, CancellationToken cancellationToken) =>
        db.TenantUsers.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .SingleOrDefaultAsync(u => u.ClerkUserId == clerkUserId, cancellationToken);

    /// <summary>The oldest pending invitation for an email (a user invited by two tenants joins the first).</summary>
    public Task<TenantUser?> FindPendingInviteAsync(string email, CancellationToken cancellationToken) =>
        db.TenantUsers.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(u => u.ClerkUserId == null && u.Email == TenantUser.NormalizeEmail(email))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> ExistsAsync(string tenantId, CancellationToken cancellationToken) =>
        db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken);

    /// <summary>Every tenant with its time zone, for per-tenant schedules.</summary>
    public async Task<IReadOnlyList<(string Id, string Timezone)>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Tenants.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Timezone }).ToListAsync(cancellationToken))
        .Select(t => (t.Id, t.Timezone)).ToList();
}
