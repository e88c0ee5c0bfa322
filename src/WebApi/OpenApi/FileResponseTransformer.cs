using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PromoStack.WebApi.OpenApi;

/// <summary>Documents the files of <see cref="ProducesFileAttribute"/> as binary content of the operation's 200 response.</summary>
public sealed class FileResponseTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var mediaTypes = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProducesFileAttribute>().SelectMany(a => a.MediaTypes).ToList();
        if (mediaTypes.Count == 0)
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        if (!operation.Responses.TryGetValue("200", out var ok))
        {
            ok = new OpenApiResponse { Description = "OK" };
            operation.Responses["200"] = ok;
        }

        if (ok is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var mediaType in mediaTypes)
            {
                response.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        return Task.CompletedTask;
    }
}
