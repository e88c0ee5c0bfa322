using Microsoft.AspNetCore.Authorization;

namespace PromoStack.WebApi.Auth;

/// <summary>
/// The fallback policy's one requirement, met by no caller: an endpoint that names neither a policy (<c>[Authorize]</c>)
/// nor <c>[AllowAnonymous]</c> was forgotten, and is refused to everyone — 401 without a token, 403 with one — rather
/// than left open to any signed-in user, tenant or none. A request that matched no endpoint passes: there is nothing to
/// protect, and it goes on to its 404.
/// </summary>
public sealed class ExplicitAuthorizationRequired : AuthorizationHandler<ExplicitAuthorizationRequired>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ExplicitAuthorizationRequired requirement)
    {
        if (context.Resource is HttpContext http && http.GetEndpoint() is null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
