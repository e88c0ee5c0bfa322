using System.Linq.Expressions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tenants;

public sealed record TenantDto(string Id, string Name, string Timezone, DateTimeOffset CreatedAt)
{
    public static readonly Expression<Func<Tenant, TenantDto>> Projection = t => new TenantDto(t.Id, t.Name, t.Timezone, t.CreatedAt);

    public static TenantDto From(Tenant tenant) => new(tenant.Id, tenant.Name, tenant.Timezone, tenant.CreatedAt);
}
