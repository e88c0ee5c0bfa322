using Microsoft.AspNetCore.Http.Metadata;

namespace PromoStack.WebApi;

public static class WebApiLimits
{
    /// <summary>
    /// No JSON body is anywhere near this; larger ones get 413 before they are read. An upload route sets its own
    /// limit with <c>[RequestSizeLimit]</c> (coupon template images, code lists).
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses a declared body over the limit (the route's own, else <see cref="MaxRequestBodyBytes"/>) before anything
    /// reads it. Kestrel enforces the same limit on bodies without a declared length as they stream in; both end in a
    /// 413 ProblemDetails.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            context.Request.ContentLength > (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxRequestBodyBytes)
                ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge)
                : next(context));
}
