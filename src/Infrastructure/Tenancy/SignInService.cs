using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>
/// Turns a validated token's subject into the user the database knows: caches the Clerk user (with the email from
/// the token's claims or Clerk's Backend API, never a request header), links a pending invitation on first sign-in,
/// and reads the membership and platform role.
/// </summary>
public sealed class SignInService(
    AppDbContext db, TenantDirectory directory, ITenantContext tenantContext, IUserDirectory userDirectory, TimeProvider clock)
{
    public async Task<SignedInUser> SignInAsync(string clerkUserId, string? emailClaim, CancellationToken cancellationToken)
    {
        // The common case is one read: a known user whose email has not changed.
        var known = await directory.SnapshotAsync(clerkUserId, cancellationToken);
        var now = clock.GetUtcNow();
        var email = emailClaim ?? known.CachedEmail;
        if (!known.IsCached)
        {
            email ??= await userDirectory.FindEmailAsync(clerkUserId, cancellationToken);
            db.ClerkUsers.Add(ClerkUser.FirstSeen(clerkUserId, email, now));
        }
        else if (emailClaim is not null && TenantUser.NormalizeEmail(emailClaim) != known.CachedEmail)
        {
            (await db.ClerkUsers.SingleAsync(u => u.Id == clerkUserId, cancellationToken)).Refresh(emailClaim, now);
        }

        var (tenantId, role) = (known.TenantId, known.TenantRole);
        if (tenantId is null && email is not null && await directory.FindPendingInviteAsync(email, cancellationToken) is { } invite)
        {
            invite.LinkClerkUser(clerkUserId);
            (tenantId, role) = (invite.TenantId, invite.Role);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await SaveAsync(tenantId, cancellationToken);
        }

        return new SignedInUser(clerkUserId, email is null ? null : TenantUser.NormalizeEmail(email), tenantId, role, known.IsPlatformOperator);
    }

    private async Task SaveAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not null)
        {
            tenantContext.Enter(tenantId);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests of the same user raced to insert the cache row or link the invite; the other won.
            db.ChangeTracker.Clear();
        }
    }
}
