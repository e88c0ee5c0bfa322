using Microsoft.AspNetCore.Mvc.Filters;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.WebApi.Tenancy;

/// <summary>
/// For routes without a signed-in user that name their tenant (<c>{tenant}</c>: public endpoints, Stripe webhooks):
/// the tenant is entered before the action sends its message, which is then tenant-scoped like any other.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TenantFromRouteAttribute : Attribute, IAsyncActionFilter
{
    public const string RouteValue = "tenant";

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        context.HttpContext.RequestServices.GetRequiredService<TenantEntry>().Enter((string)context.RouteData.Values[RouteValue]!);
        return next();
    }
}
