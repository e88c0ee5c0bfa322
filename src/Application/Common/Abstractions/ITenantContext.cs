namespace PromoStack.Application.Common.Abstractions;

/// <summary>The tenant the current unit of work acts for (one per request, job or schedule run).</summary>
public interface ITenantContext
{
    /// <summary>The tenant's slug, or null when no tenant has been set.</summary>
    string? TenantId { get; }

    /// <summary>The tenant's slug; throws when none is set.</summary>
    string RequiredTenantId { get; }

    /// <summary>Sets the tenant for the rest of this scope. A scope's tenant can be set once and never changed.</summary>
    void Enter(string tenantId);
}
