using Microsoft.AspNetCore.Authorization;

namespace PromoStack.WebApi.Auth;

/// <summary>
/// The fallback policy's one requirement, met by no caller: an endpoint that names neither a policy (<c>[Authorize]</c>)
/// nor <c>[AllowAnonymous]</c> was forgotten, and is refused to everyone — 401 without a token, 403 with one — rather
/// than left open to any signed-in user, tenant or none.
/// </summary>
public sealed class ExplicitAuthorizationRequired : IAuthorizationRequirement;

/// <summary>
/// Meets <see cref="ExplicitAuthorizationRequired"/> only where there is nothing to protect: a request that matched no
/// endpoint (it goes on to its 404), or one that routing answers itself with an endpoint of its own making, never
/// mapped by the app (405 for a method the route lacks, 415 for a body type it does not take).
/// </summary>
public sealed class ExplicitAuthorizationHandler(EndpointDataSource endpoints) : AuthorizationHandler<ExplicitAuthorizationRequired>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ExplicitAuthorizationRequired requirement)
    {
        if (context.Resource is HttpContext http && (http.GetEndpoint() is not { } endpoint || !endpoints.Endpoints.Contains(endpoint)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
