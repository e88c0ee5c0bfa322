using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Coupons;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// How the coupon bot and the web generator are used: figures over a period of the tenant's days, the failed
/// attempts, and one Telegram user's activity. Dates are <c>YYYY-MM-DD</c>, both included; by default the last 30 days.
/// </summary>
[ApiController]
[Route("api/coupons")]
public sealed class CouponAnalyticsController(ISender sender) : ControllerBase
{
    /// <summary>Attempts, rates, errors, unique and new users, retention, the daily series and the top lists of the period.</summary>
    [HttpGet("analytics")]
    [Authorize(Policies.TenantMember)]
    public async Task<CouponAnalyticsDto> Analytics(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] int top = 10, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetCouponAnalytics(from, to, top), cancellationToken);

    /// <summary>Failed attempts, newest first, of one error type or all (personal data masked for members).</summary>
    [HttpGet("failures")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<CouponFailureDto>> Failures(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? errorType, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListCouponFailures(from, to, errorType, page, pageSize), cancellationToken);

    /// <summary>The same failures as CSV (chat ids and names in full: admins only); <c>X-PromoStack-Truncated: true</c> when the cap cut it.</summary>
    [HttpGet("failures.csv")]
    [Authorize(Policies.TenantAdmin)]
    [Produces("text/csv")]
    public async Task<IActionResult> FailuresCsv([FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? errorType, CancellationToken cancellationToken)
    {
        var export = await sender.Send(new ExportCouponFailures(from, to, errorType), cancellationToken);
        Response.Headers["X-PromoStack-Truncated"] = export.Truncated ? "true" : "false";
        return File(Encoding.UTF8.GetBytes(export.Content), "text/csv; charset=utf-8", export.FileName);
    }

    /// <summary>A Telegram user's profile, totals and attempts, by chat id (admins only: members never see chat ids).</summary>
    [HttpGet("users/{chatId:long}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CouponUserActivityDto> UserActivity(long chatId, [FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetCouponUserActivity(chatId, page, pageSize), cancellationToken);
}
