using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Home;

namespace PromoStack.Application.Platform;

/// <summary>
/// What a platform operator sees inside the current tenant, sent through <see cref="ITenantLookIn"/> only: the
/// tenant's dashboard and setup checklist, exactly as its own members get them. An audited query, so each look is
/// recorded in the tenant's audit log as the operator's.
/// </summary>
public sealed record LookInsideTenant : ITenantQuery<TenantOverviewDto>, IAuditedQuery;

/// <param name="TenantId">The tenant looked inside.</param>
/// <param name="Dashboard">The tenant's home screen, as <c>GET /api/dashboard</c> answers it.</param>
/// <param name="Setup">The tenant's setup checklist, as <c>GET /api/setup</c> answers it.</param>
public sealed record TenantOverviewDto(string TenantId, DashboardDto Dashboard, SetupChecklistDto Setup);

internal sealed class LookInsideTenantHandler(ISender sender, ITenantContext tenant) : IQueryHandler<LookInsideTenant, TenantOverviewDto>
{
    public async ValueTask<TenantOverviewDto> Handle(LookInsideTenant query, CancellationToken cancellationToken)
    {
        var dashboard = await sender.Send(new GetDashboard(), cancellationToken);
        var setup = await sender.Send(new GetSetupChecklist(), cancellationToken);
        return new TenantOverviewDto(tenant.RequiredTenantId, dashboard, setup);
    }
}
