using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.CrossPromo;
using PromoStack.Domain.CrossPromo;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>Cross-promotion from the VIP channel into the FREE channel.</summary>
[ApiController]
[Route("api/crosspromo")]
[Tags(ApiTags.CrossPromo)]
public sealed class CrossPromoController(ISender sender) : ControllerBase
{
    /// <summary>Get the cross-promotion settings</summary>
    /// <remarks>Whether it is on, the posting bot, the call-to-action link, the morning post time and days, and the winning-signal posts.</remarks>
    [HttpGet("settings")]
    [Authorize(Policies.TenantMember)]
    public async Task<CrossPromoSettingsDto> Settings(CancellationToken cancellationToken) => await sender.Send(new GetCrossPromoSettings(), cancellationToken);

    /// <summary>Save the cross-promotion settings</summary>
    /// <remarks>
    /// Saves the settings. The morning time is <c>HH:mm</c> in <c>timezone</c> (an IANA zone, the workspace's by default).
    /// Enabling checks with Telegram that the posting bot administers both channels with the right to post (a 400 naming
    /// <c>botRole</c> when it does not).
    /// </remarks>
    [ProducesProblem(StatusCodes.Status409Conflict, "The signal bot is not connected with both the VIP and the FREE channel.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Telegram cannot be reached to check the bot's rights.")]
    [HttpPut("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CrossPromoSettingsDto> Save(CrossPromoSettingsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new SaveCrossPromoSettings(
            request.Enabled ?? false, request.BotRole, request.CtaUrl, request.MorningPostTime, request.Timezone, request.Weekdays,
            request.TeaserOffsetMinutes, request.WinningSignalsPerDay, request.CatchUpMinutes), cancellationToken);

    /// <summary>List cross-promotion jobs</summary>
    /// <remarks>The planned, posted and skipped posts, newest first, by status, type and the local date they were for.</remarks>
    /// <param name="status">Only the jobs in this status.</param>
    /// <param name="type">Only the jobs of this type.</param>
    /// <param name="date">Only the jobs for this local date.</param>
    [HttpGet("jobs")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<CrossPromoJobDto>> Jobs(
        [FromQuery] CrossPromoJobStatus? status, [FromQuery] string? type, [FromQuery] DateOnly? date, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListCrossPromoJobs(status, type, date, page, pageSize), cancellationToken);

    /// <summary>Preview the morning post</summary>
    /// <remarks>Today's morning post as it would go out (nothing is sent), or why there would be none.</remarks>
    [HttpPost("preview")]
    [Authorize(Policies.TenantMember)]
    public async Task<CrossPromoPreview> Preview(CancellationToken cancellationToken) => await sender.Send(new PreviewMorningNews(), cancellationToken);

    /// <summary>Send a test morning post</summary>
    /// <remarks>Sends today's morning post to a test chat the admin names (through the outbox); the live channels are refused (400).</remarks>
    [ProducesProblem(StatusCodes.Status409Conflict, "The posting bot is not connected.")]
    [HttpPost("test")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CrossPromoPreview> Test(CrossPromoTestRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new SendCrossPromoTest(request.ChatId ?? 0), cancellationToken);
}

public sealed record CrossPromoTestRequest(long? ChatId);

public sealed record CrossPromoSettingsRequest(
    bool? Enabled, string? BotRole, string? CtaUrl, string? MorningPostTime, string? Timezone, IReadOnlyList<string>? Weekdays,
    int? TeaserOffsetMinutes, int? WinningSignalsPerDay, int? CatchUpMinutes);
