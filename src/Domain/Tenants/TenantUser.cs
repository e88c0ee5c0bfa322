using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tenants;

/// <summary>
/// Membership of a Clerk user in a tenant. A member added by email has no Clerk user id until they first sign in
/// with that verified email.
/// </summary>
public sealed class TenantUser : ITenantOwned
{
    public const int EmailMaxLength = 320;

    /// <summary>How long an invitation can be accepted.</summary>
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    private TenantUser(string tenantId, string? clerkUserId, string email, TenantRole role, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        ClerkUserId = clerkUserId;
        Email = email;
        Role = role;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string? ClerkUserId { get; private set; }
    public string Email { get; private set; }
    public TenantRole Role { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Until when a pending invitation can be accepted; null for a member.</summary>
    public DateTimeOffset? InviteExpiresAt { get; private set; }

    public bool IsPendingInvite => ClerkUserId is null;

    public bool IsExpiredInvite(DateTimeOffset now) => IsPendingInvite && InviteExpiresAt <= now;

    /// <summary>A signed-in user joining with a role, e.g. the founder of a new tenant as its admin.</summary>
    public static TenantUser Join(string tenantId, string clerkUserId, string? email, TenantRole role, DateTimeOffset now) =>
        new(tenantId, clerkUserId, NormalizeEmail(email ?? string.Empty), role, now);

    /// <summary>
    /// An invitation for <paramref name="email"/>: nobody joins by it until the invitee, signed in with that verified
    /// email, accepts it (see <see cref="Accept"/>) before <see cref="InviteLifetime"/> has passed.
    /// </summary>
    public static TenantUser Invite(string tenantId, string email, TenantRole role, DateTimeOffset now) =>
        new(tenantId, null, NormalizeEmail(Guard.NotBlank(email, "Email", EmailMaxLength)), role, now) { InviteExpiresAt = now + InviteLifetime };

    /// <summary>The invitee accepts: they become a member with the invited role.</summary>
    public void Accept(string clerkUserId, DateTimeOffset now)
    {
        if (!IsPendingInvite)
        {
            throw new DomainException("This invitation has already been accepted.");
        }

        if (IsExpiredInvite(now))
        {
            throw new DomainException("This invitation has expired: ask for a new one.");
        }

        ClerkUserId = Guard.NotBlank(clerkUserId, "User", 128);
        InviteExpiresAt = null;
    }

    public void UpdateEmail(string? email)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            Email = NormalizeEmail(email);
        }
    }

    /// <summary>Changes the role; demoting the last admin of a tenant is refused.</summary>
    public void ChangeRole(TenantRole role, int adminCount)
    {
        if (Role == TenantRole.Admin && role != TenantRole.Admin)
        {
            EnsureNotLastAdmin(adminCount);
        }

        Role = role;
    }

    /// <summary>Checks that removing this membership leaves the tenant an admin.</summary>
    public void EnsureRemovable(int adminCount)
    {
        if (Role == TenantRole.Admin)
        {
            EnsureNotLastAdmin(adminCount);
        }
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private void EnsureNotLastAdmin(int adminCount)
    {
        if (adminCount <= 1 && !IsPendingInvite)
        {
            throw new DomainException("A tenant keeps at least one admin: add another admin first.");
        }
    }
}
