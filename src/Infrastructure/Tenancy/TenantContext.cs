using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>The tenant of one scope (request, job, schedule run). Set once; a scope never changes tenant.</summary>
public sealed class TenantContext : ITenantContext
{
    public string? TenantId { get; private set; }

    public string RequiredTenantId => TenantId ?? throw new InvalidOperationException("No tenant is set for this unit of work.");

    public void Enter(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (TenantId is not null && TenantId != tenantId)
        {
            throw new InvalidOperationException($"This unit of work already acts for tenant '{TenantId}'.");
        }

        TenantId = tenantId;
    }
}
