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
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// The public web generator: the templates offered on the web, and an image for a code. No sign-in; callable from the
/// tenant's own site origins; rate limited per client and tenant, with a per-tenant budget of the generator's own.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/public/{tenant}/coupons")]
[TenantFromRoute]
[EnableCors(PublicEndpointsSetup.CorsPolicy)]
public sealed class PublicCouponsController(ISender sender) : ControllerBase
{
    [HttpGet("templates")]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    public async Task<ActionResult<IReadOnlyList<WebTemplateDto>>> Templates(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new ListWebTemplates(), cancellationToken));

    /// <summary>
    /// The PNG for a code on a template's size. 400 with a field error when the code is not a code or not valid,
    /// 404 for a template not offered on the web, 503 when the code could not be checked or the image not made.
    /// </summary>
    [HttpPost("images")]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    [Produces("image/png")]
    [ProducesResponseType(typeof(FileContentResult), StatusCodes.Status200OK, "image/png")]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
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
