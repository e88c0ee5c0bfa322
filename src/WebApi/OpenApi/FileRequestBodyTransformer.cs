using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PromoStack.WebApi.OpenApi;

/// <summary>Documents the request body of an <see cref="AcceptsFileAttribute"/> action: the file as the body, or in a multipart form.</summary>
public sealed class FileRequestBodyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AcceptsFileAttribute>().FirstOrDefault() is not { } accepts)
        {
            return Task.CompletedTask;
        }

        var content = accepts.MediaTypes.ToDictionary(mediaType => mediaType, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { accepts.FormField },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [accepts.FormField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                },
            },
        };
        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        return Task.CompletedTask;
    }
}
