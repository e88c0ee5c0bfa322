using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tenants;

/// <summary>
/// Membership of a Clerk user in a tenant. A member added by email has no Clerk user id until they first sign in
/// with that verified email.
/// </summary>
public sealed class TenantUser : ITenantOwned
{
    public const int EmailMaxLength = 320;

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

    public bool IsPendingInvite => ClerkUserId is null;

    /// <summary>A signed-in user joining with a role, e.g. the founder of a new tenant as its admin.</summary>
    public static TenantUser Join(string tenantId, string clerkUserId, string? email, TenantRole role, DateTimeOffset now) =>
        new(tenantId, clerkUserId, NormalizeEmail(email ?? string.Empty), role, now);

    public static TenantUser Invite(string tenantId, string email, TenantRole role, DateTimeOffset now) =>
        new(tenantId, null, NormalizeEmail(Guard.NotBlank(email, "Email", EmailMaxLength)), role, now);

    public void LinkClerkUser(string clerkUserId)
    {
        if (ClerkUserId is not null && ClerkUserId != clerkUserId)
        {
            throw new DomainException("This membership already belongs to another user.");
        }

        ClerkUserId = clerkUserId;
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
