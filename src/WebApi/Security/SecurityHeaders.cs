using Microsoft.Net.Http.Headers;

namespace PromoStack.WebApi.Security;

/// <summary>
/// The headers every response carries, whatever answered it (an endpoint, a static file, a 404, an error page): no
/// MIME sniffing, the referrer's origin only when leaving for another origin (never its path, never over HTTP), and
/// never shown inside another site's frame (<c>X-Frame-Options</c> for old browsers, <c>frame-ancestors</c> for the
/// rest). A response that sets its own Content-Security-Policy (the admin app's page) keeps it; it must say
/// <c>frame-ancestors 'none'</c> itself.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicyHeader = "Referrer-Policy";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public const string FrameAncestorsNone = "frame-ancestors 'none'";

    /// <summary>Adds the headers as the response starts, so that what clears the response on the way (the exception handler) cannot drop them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(Add, context.Response);
        return next(context);
    });

    private static Task Add(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers[ReferrerPolicyHeader] = ReferrerPolicy;
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = FrameAncestorsNone;
        }

        return Task.CompletedTask;
    }
}
