using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tenants;

/// <summary>A Clerk user who operates the platform itself (may list every tenant). Granted in the database only.</summary>
public sealed class PlatformOperator : IGlobalEntity
{
    private PlatformOperator(string clerkUserId, DateTimeOffset createdAt)
    {
        ClerkUserId = clerkUserId;
        CreatedAt = createdAt;
    }

    public string ClerkUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static PlatformOperator Grant(string clerkUserId, DateTimeOffset now) => new(clerkUserId, now);
}
