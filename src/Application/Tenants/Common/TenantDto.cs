using System.Linq.Expressions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tenants;

/// <param name="SiteOrigins">The tenant's websites whose pages may call its public endpoints (checkout, campaign entry).</param>
public sealed record TenantDto(string Id, string Name, string Timezone, DateTimeOffset CreatedAt, IReadOnlyList<string> SiteOrigins)
{
    public static readonly Expression<Func<Tenant, TenantDto>> Projection = t => new TenantDto(t.Id, t.Name, t.Timezone, t.CreatedAt, t.SiteOrigins);

    public static TenantDto From(Tenant tenant) => new(tenant.Id, tenant.Name, tenant.Timezone, tenant.CreatedAt, tenant.SiteOrigins);
}
