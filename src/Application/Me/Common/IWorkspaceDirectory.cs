using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Me;

/// <summary>The user's workspaces and invitations across tenants: the one cross-tenant view a signed-in user has.</summary>
public interface IWorkspaceDirectory
{
    Task<IReadOnlyList<Membership>> MembershipsAsync(string clerkUserId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Invitation>> InvitationsAsync(string email, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A pending invitation for <paramref name="email"/> (tracked, to accept or decline), wherever it was issued.</summary>
    Task<TenantUser?> FindInvitationAsync(int id, string email, CancellationToken cancellationToken);
}

/// <summary>A workspace the user belongs to, with their role there.</summary>
public sealed record Membership(string TenantId, string TenantName, TenantRole Role);

/// <summary>An invitation waiting for the user's email: they may accept or decline it until it expires.</summary>
public sealed record Invitation(int Id, string TenantId, string TenantName, TenantRole Role, DateTimeOffset ExpiresAt);
