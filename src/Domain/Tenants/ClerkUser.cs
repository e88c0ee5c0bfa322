using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tenants;

/// <summary>Cache of a Clerk user's identity; the id is Clerk's user id (the token's <c>sub</c>).</summary>
public sealed class ClerkUser : IGlobalEntity
{
    private ClerkUser(string id, string? email, DateTimeOffset createdAt)
    {
        Id = id;
        Email = email;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ClerkUser FirstSeen(string id, string? email, DateTimeOffset now) =>
        new(id, email is null ? null : TenantUser.NormalizeEmail(email), now);

    /// <summary>
    /// Records what is known of the user now: a newer email replaces the cached one (an unknown one never erases
    /// it), and <see cref="UpdatedAt"/> says when the user was last looked at. Returns whether the email changed.
    /// </summary>
    public bool Refresh(string? email, DateTimeOffset now)
    {
        UpdatedAt = now;
        if (email is null || TenantUser.NormalizeEmail(email) == Email)
        {
            return false;
        }

        Email = TenantUser.NormalizeEmail(email);
        return true;
    }
}
