using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>The signed-in user of this scope, filled once by the sign-in step from the database.</summary>
public sealed class CurrentUser : ICurrentUser
{
    public string? UserId { get; private set; }
    public string? Email { get; private set; }
    public bool EmailVerified { get; private set; }
    public TenantRole? Role { get; private set; }
    public string? TenantId { get; private set; }
    public bool IsPlatformOperator { get; private set; }

    public void SignIn(SignedInUser user)
    {
        if (UserId is not null)
        {
            throw new InvalidOperationException("The current user is already set for this scope.");
        }

        UserId = user.UserId;
        Email = user.Email;
        EmailVerified = user.EmailVerified;
        Role = user.Role;
        TenantId = user.TenantId;
        IsPlatformOperator = user.IsPlatformOperator;
    }
}

/// <summary>A user as the database knows them: membership and platform role never come from the token.</summary>
/// <param name="EmailVerified">The token says the identity provider verified <see cref="Email"/> (its <c>email_verified</c> claim).</param>
public sealed record SignedInUser(string UserId, string? Email, bool EmailVerified, string? TenantId, TenantRole? Role, bool IsPlatformOperator);
