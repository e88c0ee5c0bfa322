using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Tenants;

/// <summary>The website origins whose pages may call a tenant's public endpoints (answered before any sign-in: CORS).</summary>
public sealed record GetSiteOrigins(string TenantId) : IQuery<IReadOnlyList<string>>, ITenantAgnostic;

internal sealed class GetSiteOriginsHandler(ITenantRegistry tenants) : IQueryHandler<GetSiteOrigins, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(GetSiteOrigins query, CancellationToken cancellationToken) =>
        await tenants.SiteOriginsAsync(query.TenantId, cancellationToken);
}
