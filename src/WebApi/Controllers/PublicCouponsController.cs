using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.OpenApi;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// The public web generator: the templates offered on the web, and an image for a code. No sign-in; callable from the
/// tenant's own site origins; rate limited per client and tenant, with a per-tenant budget of the generator's own.
/// </summary>
[ApiController]
// Anonymous on purpose: a tenant's website visitors generate coupons with no account here; the route names the tenant,
// and rate limits per client and tenant bound the cost.
[AllowAnonymous]
[Route("api/public/{tenant}/coupons")]
[TenantFromRoute]
[EnableCors(PublicEndpointsSetup.CorsPolicy)]
[Tags(ApiTags.PublicCoupons)]
public sealed class PublicCouponsController(ISender sender) : ControllerBase
{
    /// <summary>List the web templates</summary>
    /// <remarks>The templates the workspace offers on its web generator, each size with its label, pixel size and image URL.</remarks>
    [HttpGet("templates")]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    public async Task<ActionResult<IReadOnlyList<WebTemplateDto>>> Templates(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new ListWebTemplates(), cancellationToken));

    /// <summary>Make a coupon image</summary>
    /// <remarks>
    /// The PNG for a code on a template's size: the code is checked exactly as the bot checks it, then drawn. A code that
    /// is not a code, or not valid, is a 400 naming <c>code</c>; a template not offered on the web is a 404.
    /// </remarks>
    [HttpPost("images")]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    [Produces("image/png")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "The code could not be checked, or the image not made, right now: try again in a minute.")]
    public async Task<IActionResult> Image(WebImageRequest request, CancellationToken cancellationToken)
    {
        var headers = Request.Headers;
        var device = DeviceTypes.FromHints(headers["Sec-CH-UA-Mobile"], headers["Sec-CH-UA-Platform"], headers.UserAgent);
        var visitor = $"{HttpContext.Connection.RemoteIpAddress}\n{headers.UserAgent}";
        var result = await sender.Send(
            new MakeWebImage(request.Code ?? string.Empty, request.Template ?? string.Empty, request.Size ?? string.Empty, visitor, device), cancellationToken);
        return result.Outcome switch
        {
            WebImageOutcome.Made => File(result.Png!, "image/png", result.FileName),
            WebImageOutcome.NotACode => throw CodeProblem("That is not a code: send just the code, e.g. SAVE20."),
            WebImageOutcome.InvalidCode => throw CodeProblem("That code is not valid."),
            WebImageOutcome.TemplateNotFound => throw new NotFoundException("Template size", $"{request.Template}/{request.Size}"),
            WebImageOutcome.PartnerUnavailable => throw new CouponPartnerUnavailableException("The code cannot be checked right now; try again in a minute."),
            _ => throw new CouponPartnerUnavailableException("The image could not be made right now; try again in a minute."),
        };
    }

    private static ValidationException CodeProblem(string message) => new([new ValidationFailure("code", message)]);
}

/// <summary>A code, a template slug and a size (square, story or feed).</summary>
public sealed record WebImageRequest(string? Code, string? Template, string? Size);
