using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>
/// Turns a validated token's subject into the user the database knows: caches the Clerk user (with the email from
/// the token's claims or Clerk's Backend API, never a request header) and reads the membership of the workspace the
/// request names (or of their only one) and the platform role. Signing in joins nothing: an invitation is accepted
/// explicitly.
/// </summary>
public sealed class SignInService(AppDbContext db, TenantDirectory directory, IUserDirectory userDirectory, TimeProvider clock)
{
    /// <summary>How long an unknown email stays unknown before Clerk's Backend API is asked again.</summary>
    public static readonly TimeSpan EmailLookupInterval = TimeSpan.FromMinutes(15);

    /// <param name="requestedTenant">The workspace the request names (<c>X-PromoStack-Tenant</c>); null: their only one.</param>
    public async Task<SignedInUser> SignInAsync(string clerkUserId, string? emailClaim, bool emailVerified, string? requestedTenant, CancellationToken cancellationToken)
    {
        // The common case is one read: a known user whose email has not changed.
        var known = await directory.SnapshotAsync(clerkUserId, requestedTenant, cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = Usable(emailClaim);
        var email = claimed ?? known.CachedEmail;
        if (!known.IsCached)
        {
            email ??= Usable(await userDirectory.FindEmailAsync(clerkUserId, cancellationToken));
            db.ClerkUsers.Add(ClerkUser.FirstSeen(clerkUserId, email, now));
        }
        else if ((claimed is not null && claimed != known.CachedEmail) || (email is null && now - known.UpdatedAt > EmailLookupInterval))
        {
            // A changed email, or one that was unknown and may be known now (e.g. Clerk's API was down at first sign-in).
            email ??= Usable(await userDirectory.FindEmailAsync(clerkUserId, cancellationToken));
            (await db.ClerkUsers.SingleAsync(u => u.Id == clerkUserId, cancellationToken)).Refresh(email, now);
        }

        if (db.ChangeTracker.HasChanges())
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (ConflictException)
            {
                // Two first requests of the same user raced to cache them; the other won. What the database now says is the truth.
                db.ChangeTracker.Clear();
                known = await directory.SnapshotAsync(clerkUserId, requestedTenant, cancellationToken);
                return new SignedInUser(clerkUserId, known.CachedEmail, emailVerified && claimed == known.CachedEmail, known.TenantId, known.TenantRole, known.IsPlatformOperator);
            }
        }

        return new SignedInUser(clerkUserId, email, emailVerified && claimed is not null && claimed == email, known.TenantId, known.TenantRole, known.IsPlatformOperator);
    }

    /// <summary>An email fit to store: trimmed, lowercase, no NUL, not overlong; anything else counts as unknown.</summary>
    private static string? Usable(string? email) =>
        email is { Length: > 0 and <= TenantUser.EmailMaxLength } && !email.Contains('\0', StringComparison.Ordinal)
            ? TenantUser.NormalizeEmail(email)
            : null;
}
