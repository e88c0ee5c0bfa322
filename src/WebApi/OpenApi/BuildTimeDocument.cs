using System.Reflection;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// <c>./promostack openapi</c> writes the OpenAPI document at build time: Microsoft.Extensions.ApiDescription.Server's
/// tool (GetDocument.Insider) runs the app's entry point to build its services, never serves a request and has no
/// database, so start-up skips what needs one.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsBeingGenerated { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
