namespace PromoStack.Application.Tenants;

/// <summary>
/// The few questions about tenants that are not about the current one: whether a slug is free (onboarding) and
/// the platform's tenant list (operators). Everything else sees only its own tenant.
/// </summary>
public interface ITenantRegistry
{
    Task<bool> IsSlugTakenAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<TenantDto>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>The website origins a tenant allows on its public endpoints; empty for an unknown tenant.</summary>
    Task<IReadOnlyList<string>> SiteOriginsAsync(string tenantId, CancellationToken cancellationToken);
}
