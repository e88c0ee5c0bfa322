using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Home;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The admin app's public configuration.</summary>
[ApiController]
[Route("api/config")]
[Tags(ApiTags.AdminApp)]
public sealed class ConfigController(ISender sender) : ControllerBase
{
    /// <summary>Get the admin app's public configuration</summary>
    /// <remarks>
    /// What the admin app needs before anyone signs in: Clerk's publishable key and Frontend API, and whether the
    /// development sign-in (<c>POST /api/dev/sign-in</c>) exists here. Nothing secret; cached for a minute.
    /// </remarks>
    [HttpGet]
    // Anonymous on purpose: the admin app reads this to know how to sign in, so it cannot have a token yet. It holds
    // only what a browser sees anyway (a publishable key, a public URL, a flag) and nothing of any tenant.
    [AllowAnonymous]
    [ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
    public async Task<ClientConfigDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetClientConfig(), cancellationToken);
}
