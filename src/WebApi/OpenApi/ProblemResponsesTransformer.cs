using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// Documents the errors an operation can answer, each as problem details (<c>application/problem+json</c>; a 400 as
/// <see cref="HttpValidationProblemDetails"/> with its <c>errors</c> per field), from what the endpoint declares:
/// <list type="bullet">
/// <item>sign-in required → 401, and 503 while the identity provider cannot be reached to check a token;</item>
/// <item>a workspace or platform policy → 403;</item>
/// <item>route values → 404 (an unknown id, another workspace's, or a value the route does not take);</item>
/// <item>a body (a parameter, or <see cref="AcceptsFileAttribute"/>) or a query parameter that may not bind (a number, a
/// date, an enum: not a string) → 400 with field errors; a body → 413 over its size limit;</item>
/// <item>a rate limit → 429;</item>
/// <item>what the action adds with <see cref="ProducesProblemAttribute"/> (409, 503, a 400, 403 or 404 the rules above
/// cannot see), with its reason.</item>
/// </list>
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: `errors` names each field that is wrong and why.",
        [StatusCodes.Status401Unauthorized] = "No valid session token: sign in again.",
        [StatusCodes.Status404NotFound] = "Not found: nothing by these route values in the workspace (another workspace's records are not found either).",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is over its size limit.",
        [StatusCodes.Status429TooManyRequests] = "Too many calls from this client, or to this workspace: try again in a minute.",
        [StatusCodes.Status503ServiceUnavailable] = "Sign-in is unavailable: the identity provider cannot be reached to check the token. Try again shortly.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var errors = new SortedDictionary<int, string>();
        foreach (var declared in metadata.OfType<ProducesProblemAttribute>())
        {
            errors[declared.StatusCode] = declared.Description;
        }

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            errors.TryAdd(StatusCodes.Status401Unauthorized, Descriptions[StatusCodes.Status401Unauthorized]);
            errors[StatusCodes.Status503ServiceUnavailable] = errors.TryGetValue(StatusCodes.Status503ServiceUnavailable, out var unavailable)
                ? $"{unavailable} Also while sign-in is unavailable (the identity provider cannot be reached)."
                : Descriptions[StatusCodes.Status503ServiceUnavailable];
            if (Forbidden(authorize) is { } forbidden)
            {
                errors.TryAdd(StatusCodes.Status403Forbidden, forbidden);
            }
        }

        var parameters = description.ParameterDescriptions;
        var sources = parameters.Select(p => p.Source).ToList();
        if (sources.Contains(BindingSource.Path))
        {
            errors.TryAdd(StatusCodes.Status404NotFound, Descriptions[StatusCodes.Status404NotFound]);
        }

        var hasBody = operation.RequestBody is not null || sources.Contains(BindingSource.Body) || sources.Contains(BindingSource.Form)
                      || sources.Contains(BindingSource.FormFile);
        if (hasBody || parameters.Any(p => p.Source == BindingSource.Query && p.Type != typeof(string)))
        {
            errors.TryAdd(StatusCodes.Status400BadRequest, Descriptions[StatusCodes.Status400BadRequest]);
        }

        if (hasBody)
        {
            errors.TryAdd(StatusCodes.Status413PayloadTooLarge, Descriptions[StatusCodes.Status413PayloadTooLarge]);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            errors.TryAdd(StatusCodes.Status429TooManyRequests, Descriptions[StatusCodes.Status429TooManyRequests]);
        }

        if (errors.Count == 0)
        {
            return;
        }

        var problem = await ReferenceAsync(typeof(ProblemDetails), context, cancellationToken);
        var validationProblem = await ReferenceAsync(typeof(HttpValidationProblemDetails), context, cancellationToken);
        operation.Responses ??= [];
        var successes = operation.Responses.Where(r => !int.TryParse(r.Key, out var status) || status < StatusCodes.Status400BadRequest)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in successes)
        {
            operation.Responses[status] = response;
        }

        foreach (var (status, text) in errors)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = status == StatusCodes.Status400BadRequest ? validationProblem : problem },
                },
            };
        }
    }

    /// <summary>Who is turned away with a 403, by the strictest policy the endpoint asks for.</summary>
    private static string? Forbidden(IReadOnlyList<IAuthorizeData> authorize)
    {
        var policies = authorize.Select(a => a.Policy).ToHashSet();
        return policies.Contains(Policies.PlatformOperator) ? "Signed in, but not a platform operator."
            : policies.Contains(Policies.TenantAdmin) ? "Signed in, but not an admin of the workspace (or in no workspace, or not in the one `X-PromoStack-Tenant` names)."
            : policies.Contains(Policies.TenantMember) ? "Signed in, but in no workspace (or not in the one `X-PromoStack-Tenant` names)."
            : null;
    }

    /// <summary>A reference to the type's schema among the document's components, added the first time.</summary>
    private static async Task<IOpenApiSchema> ReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation is being added to no document.");
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name))
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
