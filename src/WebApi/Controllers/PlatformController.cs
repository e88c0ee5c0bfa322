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
}
