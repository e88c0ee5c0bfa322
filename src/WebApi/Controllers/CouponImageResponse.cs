using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PromoStack.Application.Coupons;

namespace PromoStack.WebApi.Controllers;

/// <summary>A template image as HTTP: its hash as the ETag, 304 when the client has it, and the caching the route allows.</summary>
public static class CouponImageResponse
{
    /// <summary>The hashes named by <c>If-None-Match</c> (<c>*</c> for any).</summary>
    public static IReadOnlyCollection<string> KnownHashes(HttpRequest request) =>
        [.. request.GetTypedHeaders().IfNoneMatch.Select(tag => tag.Tag.Value?.Trim('"') ?? string.Empty).Where(tag => tag.Length > 0)];

    public static IActionResult Of(ControllerBase controller, CouponImageFile file, string cacheControl)
    {
        var headers = controller.Response.Headers;
        headers.ETag = new EntityTagHeaderValue($"\"{file.Sha256}\"").ToString();
        headers.CacheControl = cacheControl;
        return file.Png is null ? controller.StatusCode(StatusCodes.Status304NotModified) : controller.File(file.Png, "image/png");
    }
}
