namespace PromoStack.Application.Common.Abstractions;

/// <summary>Looks up a user's primary email at the identity provider (Clerk's Backend API).</summary>
public interface IUserDirectory
{
    /// <summary>The email, or null when it is unknown or the directory is not configured.</summary>
    Task<string?> FindEmailAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Whether the identity provider has verified that <paramref name="email"/> belongs to the user (false when unknown).</summary>
    Task<bool> IsVerifiedAsync(string userId, string email, CancellationToken cancellationToken);
}
