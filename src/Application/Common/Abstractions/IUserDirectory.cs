namespace PromoStack.Application.Common.Abstractions;

/// <summary>Looks up a user's primary email at the identity provider (Clerk's Backend API).</summary>
public interface IUserDirectory
{
    /// <summary>The email, or null when it is unknown or the directory is not configured.</summary>
    Task<string?> FindEmailAsync(string userId, CancellationToken cancellationToken);
}
