using Microsoft.AspNetCore.Mvc.Filters;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.WebApi.Tenancy;

/// <summary>
/// For routes without a signed-in user that name their tenant (<c>{tenant}</c>: public endpoints, Stripe webhooks):
/// the tenant is entered before the action sends its message, which is then tenant-scoped like any other. A blank
/// name is no tenant at all: 404, as for any tenant that does not exist.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TenantFromRouteAttribute : Attribute, IAsyncActionFilter
{
    public const string RouteValue = "tenant";

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var tenant = context.RouteData.Values[RouteValue] as string;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw new NotFoundException("Tenant", tenant ?? string.Empty);
        }

        context.HttpContext.RequestServices.GetRequiredService<TenantEntry>().Enter(tenant);
        return next();
    }
}
