using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Tests.Fakes;

internal sealed class FakeTenantContext(string? tenantId = null) : ITenantContext
{
    public string? TenantId { get; private set; } = tenantId;

    public string RequiredTenantId => TenantId ?? throw new InvalidOperationException("No tenant is set.");

    public void Enter(string tenantId) => TenantId = tenantId;
}
