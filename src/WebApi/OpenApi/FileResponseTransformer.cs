using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// Documents files as what they are. A successful response of a file media type (<c>[Produces("text/csv")]</c>,
/// <c>image/png</c>…) comes out of ApiExplorer without a schema: text is a string, anything else binary. The files of
/// <see cref="ProducesFileAttribute"/> are added to the operation's 200 response beside its JSON. A 204 or a 304 has no
/// body, whatever <c>[Produces]</c> says.
/// </summary>
public sealed class FileResponseTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var mediaTypes = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProducesFileAttribute>().SelectMany(a => a.MediaTypes).ToList();
        operation.Responses ??= [];
        if (mediaTypes.Count > 0 && !operation.Responses.ContainsKey("200"))
        {
            operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
        }

        foreach (var (status, value) in operation.Responses)
        {
            if (value is not OpenApiResponse response || !status.StartsWith('2') && status != "304")
            {
                continue;
            }

            if (status is "204" or "304")
            {
                response.Content = null;
                continue;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (status == "200")
            {
                foreach (var mediaType in mediaTypes)
                {
                    response.Content[mediaType] = new OpenApiMediaType();
                }
            }

            foreach (var (mediaType, media) in response.Content)
            {
                if (media.Schema is null && !mediaType.Contains("json", StringComparison.Ordinal))
                {
                    media.Schema = mediaType.StartsWith("text/", StringComparison.Ordinal)
                        ? new OpenApiSchema { Type = JsonSchemaType.String }
                        : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }

        return Task.CompletedTask;
    }
}
