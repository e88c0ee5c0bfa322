using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Dev;
using PromoStack.Domain.Tenants;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;
using PromoStack.WebApi.PublicEndpoints;

namespace PromoStack.WebApi.Controllers;

/// <summary>Local development only: signing in without Clerk.</summary>
[ApiController]
[Route("api/dev")]
[Tags(ApiTags.Development)]
public sealed class DevController(ISender sender) : ControllerBase
{
    /// <summary>Sign in as a demo user</summary>
    /// <remarks>
    /// Development only (Development with <c>Auth__DevTokens=true</c>; 404 anywhere else): a 12-hour token for the
    /// <c>demo</c> tenant's development admin or member, made as <c>./promostack dev-token --tenant demo --role …</c>
    /// makes it (the tenant and the user, with that role, are ensured first). Rate limited like the public endpoints.
    /// </remarks>
    [HttpPost("sign-in")]
    // Anonymous on purpose: it is how a developer gets a token in the first place. It exists only in Development with
    // development tokens on, which start-up refuses anywhere else, and signs in development users (dev_…) only.
    [AllowAnonymous]
    [DevSignInOnly]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    public async Task<DevSignInDto> SignIn(DevSignInRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new SignInDevUser(request.Role), cancellationToken);
}

/// <param name="Role">Which development user of the <c>demo</c> tenant: <c>admin</c> or <c>member</c>.</param>
public sealed record DevSignInRequest(TenantRole? Role);
