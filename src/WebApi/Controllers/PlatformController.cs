using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Platform;
using PromoStack.Application.Tenants;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize(Policies.PlatformOperator)]
[Route("api/platform")]
[Tags(ApiTags.Platform)]
public sealed class PlatformController(ISender sender) : ControllerBase
{
    /// <summary>List every workspace</summary>
    /// <remarks>Every workspace on the platform, for platform operators only.</remarks>
    [HttpGet("tenants")]
    public async Task<IReadOnlyList<TenantDto>> ListTenants(CancellationToken cancellationToken) =>
        await sender.Send(new ListTenants(), cancellationToken);

    /// <summary>List every workspace with its health</summary>
    /// <remarks>
    /// Every workspace on the platform with how it stands, for platform operators only: its connected bots (by role,
    /// sandbox or not), the messages that failed or were given up and the Telegram updates that could not be handled in
    /// the last 24 hours, how long the oldest due message has waited, its active subscriptions, whether a Stripe key is
    /// saved, and its latest activity. The call is recorded in the platform's audit log.
    /// </remarks>
    [HttpGet("tenants/health")]
    public async Task<IReadOnlyList<TenantHealthDto>> ListTenantHealth(CancellationToken cancellationToken) =>
        await sender.Send(new ListTenantHealth(), cancellationToken);

    /// <summary>Look inside a workspace</summary>
    /// <remarks>
    /// A read-only look inside one workspace, for platform operators only (not its own admins): its dashboard and its
    /// setup checklist, exactly as its members see them. Each look is recorded in that workspace's own audit log as the
    /// operator's. 404 for a workspace that does not exist.
    /// </remarks>
    [HttpGet("tenants/{tenantId}/overview")]
    public async Task<TenantOverviewDto> GetTenantOverview(string tenantId, CancellationToken cancellationToken) =>
        await sender.Send(new GetTenantOverview(tenantId), cancellationToken);
}
