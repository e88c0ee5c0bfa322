using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// What the document says of itself: title, description and contact, the server (relative: the API answers where its
/// document is served, so the document is the same on every host and for <c>./promostack openapi</c>), and the groups
/// of <see cref="ApiTags"/> with their descriptions.
/// </summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "PromoStack API";
        document.Info.Description =
            "The API of PromoStack's admin app and of the public endpoints a workspace's website calls. Sign in with a Clerk session " +
            "token (locally, `./promostack dev-token`) sent as `Authorization: Bearer …`; a user in several workspaces names one per " +
            "request with the `X-PromoStack-Tenant` header. Errors are problem details (`application/problem+json`); a 400 lists the " +
            "fields that are wrong in `errors`.";
        document.Info.Contact = new OpenApiContact { Name = "PromoStack" };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document" }];
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
        return Task.CompletedTask;
    }
}
