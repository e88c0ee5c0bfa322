using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.CrossPromo;
using PromoStack.Domain.CrossPromo;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Cross-promotion from the VIP channel into the FREE channel.</summary>
[ApiController]
[Route("api/crosspromo")]
public sealed class CrossPromoController(ISender sender) : ControllerBase
{
    [HttpGet("settings")]
    [Authorize(Policies.TenantMember)]
    public async Task<CrossPromoSettingsDto> Settings(CancellationToken cancellationToken) => await sender.Send(new GetCrossPromoSettings(), cancellationToken);

    /// <summary>Saves the settings; enabling checks with Telegram that the posting bot may post in both channels.</summary>
    [HttpPut("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CrossPromoSettingsDto> Save(CrossPromoSettingsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new SaveCrossPromoSettings(
            request.Enabled ?? false, request.BotRole, request.CtaUrl, request.MorningPostTime, request.Timezone, request.Weekdays,
            request.TeaserOffsetMinutes, request.WinningSignalsPerDay, request.CatchUpMinutes), cancellationToken);

    [HttpGet("jobs")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<CrossPromoJobDto>> Jobs(
        [FromQuery] CrossPromoJobStatus? status, [FromQuery] string? type, [FromQuery] DateOnly? date, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListCrossPromoJobs(status, type, date, page, pageSize), cancellationToken);

    /// <summary>Today's morning post as it would go out (nothing is sent), or why there would be none.</summary>
    [HttpPost("preview")]
    [Authorize(Policies.TenantMember)]
    public async Task<CrossPromoPreview> Preview(CancellationToken cancellationToken) => await sender.Send(new PreviewMorningNews(), cancellationToken);

    /// <summary>Sends today's morning post to a test chat the admin names; the live channels are refused.</summary>
    [HttpPost("test")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CrossPromoPreview> Test(CrossPromoTestRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new SendCrossPromoTest(request.ChatId ?? 0), cancellationToken);
}

public sealed record CrossPromoTestRequest(long? ChatId);

public sealed record CrossPromoSettingsRequest(
    bool? Enabled, string? BotRole, string? CtaUrl, string? MorningPostTime, string? Timezone, IReadOnlyList<string>? Weekdays,
    int? TeaserOffsetMinutes, int? WinningSignalsPerDay, int? CatchUpMinutes);
