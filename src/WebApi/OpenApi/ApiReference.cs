using Scalar.AspNetCore;

namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// The API reference at <c>/docs</c> (Scalar): the operations by their summaries, a bearer token to try them with, and
/// nothing of Scalar's own products — no button to its API client app, no developer tools bar (share, SDK generation),
/// no AI agent, no MCP, no telemetry, and no "Powered by Scalar" links, which no option turns off (hidden by CSS).
/// </summary>
public static class ApiReference
{
    /// <summary>The links Scalar adds to its own site: the sidebar's footer and the request client's empty-response panel.</summary>
    public const string HidePromotionCss = "a[href*=\"utm_source=powered-by\"], a.scalar-version-number { display: none !important; }";

    public static void Configure(ScalarOptions scalar) => scalar
        .WithTitle("PromoStack API")
        .WithOperationTitleSource(OperationTitleSource.Summary)
        .AddPreferredSecuritySchemes("Bearer")
        .HideClientButton()
        .HideDeveloperTools()
        .DisableAgent()
        .DisableMcp()
        .DisableTelemetry()
        .WithCustomCss(HidePromotionCss);
}
