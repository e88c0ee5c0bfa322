using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Common.Abstractions;

/// <summary>The signed-in user of the current request, with the membership resolved from the database.</summary>
public interface ICurrentUser
{
    /// <summary>The Clerk user id (the token's <c>sub</c>), or null without a signed-in user.</summary>
    string? UserId { get; }

    string? Email { get; }

    /// <summary>The token says the identity provider verified <see cref="Email"/>; when false, ask the directory.</summary>
    bool EmailVerified { get; }

    /// <summary>The user's role in <see cref="TenantId"/>, from <c>tenant_users</c> (never from the token).</summary>
    TenantRole? Role { get; }

    string? TenantId { get; }

    bool IsPlatformOperator { get; }
}
