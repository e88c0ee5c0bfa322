using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Coupons;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// How the coupon bot and the web generator are used: figures over a period of the tenant's days, the failed
/// attempts, and one Telegram user's activity. Dates are <c>YYYY-MM-DD</c>, both included; by default the last 30 days.
/// </summary>
[ApiController]
[Route("api/coupons")]
[Tags(ApiTags.CouponAnalytics)]
public sealed class CouponAnalyticsController(ISender sender) : ControllerBase
{
    /// <summary>Coupon analytics of a period</summary>
    /// <remarks>
    /// Attempts, rates, errors, unique and new users, retention, the daily series and the top lists of the period, in the
    /// workspace's days (by default the 30 days ending today). Members see the top users without chat ids, names masked.
    /// </remarks>
    /// <param name="from">First day, <c>YYYY-MM-DD</c>.</param>
    /// <param name="to">Last day, <c>YYYY-MM-DD</c> (included).</param>
    /// <param name="top">How many users and codes the top lists hold.</param>
    [HttpGet("analytics")]
    [Authorize(Policies.TenantMember)]
    public async Task<CouponAnalyticsDto> Analytics(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] int top = 10, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetCouponAnalytics(from, to, top), cancellationToken);

    /// <summary>List failed coupon attempts</summary>
    /// <remarks>Failed attempts of the period, newest first, of one error type or all (personal data masked for members).</remarks>
    /// <param name="from">First day, <c>YYYY-MM-DD</c>.</param>
    /// <param name="to">Last day, <c>YYYY-MM-DD</c> (included).</param>
    /// <param name="errorType">Only failures of this error type.</param>
    [HttpGet("failures")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<CouponFailureDto>> Failures(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? errorType, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListCouponFailures(from, to, errorType, page, pageSize), cancellationToken);

    /// <summary>Export failed coupon attempts as CSV</summary>
    /// <remarks>
    /// The same failures as CSV, newest first, with chat ids and names in full (admins only). The header
    /// <c>X-PromoStack-Truncated: true</c> says the row cap cut the file.
    /// </remarks>
    /// <param name="from">First day, <c>YYYY-MM-DD</c>.</param>
    /// <param name="to">Last day, <c>YYYY-MM-DD</c> (included).</param>
    /// <param name="errorType">Only failures of this error type.</param>
    [HttpGet("failures.csv")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status400BadRequest, "A date is not `YYYY-MM-DD`, the period is not valid, or the error type is unknown: `errors` names the field.")]
    [Produces("text/csv")]
    public async Task<IActionResult> FailuresCsv([FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? errorType, CancellationToken cancellationToken)
    {
        var export = await sender.Send(new ExportCouponFailures(from, to, errorType), cancellationToken);
        Response.Headers["X-PromoStack-Truncated"] = export.Truncated ? "true" : "false";
        return File(Encoding.UTF8.GetBytes(export.Content), "text/csv; charset=utf-8", export.FileName);
    }

    /// <summary>One Telegram user's coupon activity</summary>
    /// <remarks>
    /// A coupon bot user's profile, the totals of all their attempts and a page of those attempts, newest first, by chat
    /// id (admins only: members never see chat ids).
    /// </remarks>
    [HttpGet("users/{chatId:long}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CouponUserActivityDto> UserActivity(long chatId, [FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetCouponUserActivity(chatId, page, pageSize), cancellationToken);
}
