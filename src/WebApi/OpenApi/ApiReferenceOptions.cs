namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// <c>Api__PublishReference</c>: whether the API reference (<c>/docs</c>) and the OpenAPI document
/// (<c>/openapi/v1.json</c>) are served. Unset, they are everywhere but in Production, where they would map the attack
/// surface for anyone; <c>true</c> serves them there too, <c>false</c> hides them anywhere.
/// </summary>
public sealed class ApiReferenceOptions
{
    public const string Section = "Api";

    public bool? PublishReference { get; set; }

    /// <summary>Whether the reference is served in <paramref name="environment"/>.</summary>
    public static bool Published(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(Section).Get<ApiReferenceOptions>()?.PublishReference ?? !environment.IsProduction();
}
