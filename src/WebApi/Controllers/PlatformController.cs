using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Platform;
using PromoStack.Application.Tenants;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize(Policies.PlatformOperator)]
[Route("api/platform")]
public sealed class PlatformController(ISender sender) : ControllerBase
{
    /// <summary>Every tenant on the platform (platform operators only).</summary>
    [HttpGet("tenants")]
    public async Task<IReadOnlyList<TenantDto>> ListTenants(CancellationToken cancellationToken) =>
        await sender.Send(new ListTenants(), cancellationToken);
}
