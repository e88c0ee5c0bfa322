using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Coupons;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// Template images for the tenant's public web generator and anyone the bot's images are shared with: no sign-in,
/// only templates offered on Telegram or the web (a draft is a 404, like an unknown tenant, template or size).
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/public/{tenant}/coupon-templates")]
[TenantFromRoute]
public sealed class PublicCouponTemplatesController(ISender sender) : ControllerBase
{
    /// <summary>
    /// The size's image (PNG), its hash as the ETag (<c>If-None-Match</c> → 304). Cached for a year when the URL's
    /// <c>v</c> names the current image (a new image is a new URL), else for a minute.
    /// </summary>
    [HttpGet("{id:int}/{size}")]
    [Produces("image/png")]
    [EnableRateLimiting(PublicEndpointsSetup.ImageRateLimit)]
    public async Task<IActionResult> Image(int id, string size, [FromQuery] string? v, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetCouponTemplateImage(id, size, OfferedOnly: true, v, CouponImageResponse.KnownHashes(Request)), cancellationToken);
        return CouponImageResponse.Of(this, file, file.IsVersion ? "public, max-age=31536000, immutable" : "public, max-age=60");
    }
}
