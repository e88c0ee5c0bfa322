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
        var now = clock.GetUtcNow();
        var cached = await db.ClerkUsers.SingleOrDefaultAsync(u => u.Id == clerkUserId, cancellationToken);
        var email = emailClaim ?? cached?.Email ?? await userDirectory.FindEmailAsync(clerkUserId, cancellationToken);
        if (cached is null)
        {
            db.ClerkUsers.Add(ClerkUser.FirstSeen(clerkUserId, email, now));
        }
        else
        {
            cached.Refresh(email, now);
        }

        var membership = await directory.FindMembershipAsync(clerkUserId, cancellationToken);
        if (membership is null && email is not null)
        {
            membership = await directory.FindPendingInviteAsync(email, cancellationToken);
            membership?.LinkClerkUser(clerkUserId);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await SaveAsync(membership?.TenantId, cancellationToken);
        }

        var isOperator = await db.PlatformOperators.AnyAsync(o => o.ClerkUserId == clerkUserId, cancellationToken);
        return new SignedInUser(clerkUserId, email, membership?.TenantId, membership?.Role, isOperator);
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
