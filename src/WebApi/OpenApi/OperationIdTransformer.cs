using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// Names every operation after its controller and action (<c>CouponsController.GetSettings</c> → <c>couponsGetSettings</c>),
/// unique by construction and stable across builds, so a generated client has a method per operation with a readable name.
/// </summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            operation.OperationId = JsonNamingPolicy.CamelCase.ConvertName(action.ControllerName + action.ActionName);
        }

        return Task.CompletedTask;
    }
}
