using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Tenants;

namespace PromoStack.Application.Platform.ListTenants;

/// <summary>Every tenant on the platform; for platform operators only.</summary>
public sealed record ListTenants : IQuery<IReadOnlyList<TenantDto>>, ITenantAgnostic;

internal sealed class ListTenantsHandler(IAppDbContext db) : IQueryHandler<ListTenants, IReadOnlyList<TenantDto>>
{
    public async ValueTask<IReadOnlyList<TenantDto>> Handle(ListTenants query, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().OrderBy(t => t.Id).Select(TenantDto.Projection).ToListAsync(cancellationToken);
}
