using Mediator;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Tenants;

namespace PromoStack.Application.Platform;

/// <summary>Every tenant on the platform; for platform operators only.</summary>
public sealed record ListTenants : IQuery<IReadOnlyList<TenantDto>>, ITenantAgnostic, IAuditedQuery;

internal sealed class ListTenantsHandler(ITenantRegistry registry) : IQueryHandler<ListTenants, IReadOnlyList<TenantDto>>
{
    public async ValueTask<IReadOnlyList<TenantDto>> Handle(ListTenants query, CancellationToken cancellationToken) =>
        await registry.ListAllAsync(cancellationToken);
}
