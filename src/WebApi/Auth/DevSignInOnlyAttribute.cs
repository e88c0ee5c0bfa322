using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PromoStack.Application.Dev;

namespace PromoStack.WebApi.Auth;

/// <summary>
/// The route exists only where development sign-in does (Development with <c>Auth__DevTokens=true</c>): anywhere
/// else it answers 404, as a route that does not exist would, before its body is even read.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DevSignInOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<IDevTokenIssuer>().Enabled)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
