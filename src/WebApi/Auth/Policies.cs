namespace PromoStack.WebApi.Auth;

/// <summary>Authorization policies; membership and role claims are added from the database at sign-in.</summary>
public static class Policies
{
    /// <summary>Any signed-in member of a tenant (admins and members): read access.</summary>
    public const string TenantMember = nameof(TenantMember);

    /// <summary>An admin of the tenant: manages everything of it.</summary>
    public const string TenantAdmin = nameof(TenantAdmin);

    /// <summary>A platform operator (a database role).</summary>
    public const string PlatformOperator = nameof(PlatformOperator);
}

/// <summary>Claims PromoStack adds to a validated token's principal, always from the database.</summary>
public static class PromoStackClaims
{
    public const string Tenant = "promostack:tenant";
    public const string Role = "promostack:role";
    public const string PlatformOperator = "promostack:platform_operator";
}
