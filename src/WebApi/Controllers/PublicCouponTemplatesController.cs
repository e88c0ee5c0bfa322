using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Coupons;
using PromoStack.WebApi.OpenApi;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// Template images for the tenant's public web generator and anyone the bot's images are shared with: no sign-in,
/// only templates offered on Telegram or the web (a draft is a 404, like an unknown tenant, template or size).
/// </summary>
[ApiController]
// Anonymous on purpose: template images are shown on the tenant's website and shared by its bot, to people with no
// account here; only published templates are served.
[AllowAnonymous]
[Route("api/public/{tenant}/coupon-templates")]
[TenantFromRoute]
[Tags(ApiTags.PublicCoupons)]
public sealed class PublicCouponTemplatesController(ISender sender) : ControllerBase
{
    /// <summary>Get a template's image</summary>
    /// <remarks>
    /// The size's image (PNG) of a template offered on Telegram or the web, its hash as the ETag (<c>If-None-Match</c> →
    /// 304). Cached for a year when the URL's <c>v</c> names the current image (a new image is a new URL), else for a minute.
    /// </remarks>
    /// <param name="size"><c>square</c>, <c>story</c> or <c>feed</c>.</param>
    /// <param name="v">The image's version, as in the template's image URLs.</param>
    [HttpGet("{id:int}/{size}")]
    [Produces("image/png")]
    [ProducesFile("image/png")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "The image store cannot be reached.")]
    [EnableRateLimiting(PublicEndpointsSetup.ImageRateLimit)]
    public async Task<IActionResult> Image(int id, string size, [FromQuery] string? v, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetCouponTemplateImage(id, size, OfferedOnly: true, v, CouponImageResponse.KnownHashes(Request)), cancellationToken);
        return CouponImageResponse.Of(this, file, file.IsVersion ? "public, max-age=31536000, immutable" : "public, max-age=60");
    }
}
