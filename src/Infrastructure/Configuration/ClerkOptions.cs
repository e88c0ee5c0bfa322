namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Clerk__*</c>: the Backend API, for a user's email when the token has none.</summary>
public sealed class ClerkOptions
{
    public const string Section = "Clerk";

    public string? SecretKey { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://api.clerk.com/");

    public int TimeoutSeconds { get; set; } = 10;
}
