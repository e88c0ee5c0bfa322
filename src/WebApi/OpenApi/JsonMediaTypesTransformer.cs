using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// Documents JSON as <c>application/json</c> alone. MVC's formatters also accept <c>text/json</c> and
/// <c>application/*+json</c> and would write <c>text/plain</c>, and the generator lists them all with the same schema:
/// a generated client would offer every one for each body and answer.
/// </summary>
public sealed class JsonMediaTypesTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    private static readonly string[] Aliases = ["text/json", "application/*+json", "text/plain"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is OpenApiRequestBody { Content: { } body })
        {
            KeepJsonOnly(body);
        }

        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            if (response.Content is { } content)
            {
                KeepJsonOnly(content);
            }
        }

        return Task.CompletedTask;
    }

    private static void KeepJsonOnly(IDictionary<string, OpenApiMediaType> content)
    {
        if (!content.ContainsKey(Json))
        {
            return;
        }

        foreach (var alias in Aliases)
        {
            content.Remove(alias);
        }
    }
}
