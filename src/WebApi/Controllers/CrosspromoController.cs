using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.CrossPromo;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Cross-promotion from the VIP channel into the FREE channel.</summary>
[ApiController]
[Route("api/crosspromo")]
public sealed class CrosspromoController(ISender sender) : ControllerBase
{
    [HttpGet("settings")]
    [Authorize(Policies.TenantMember)]
    public async Task<CrosspromoSettingsDto> Settings(CancellationToken cancellationToken) => await sender.Send(new GetCrosspromoSettings(), cancellationToken);

    /// <summary>Saves the settings; enabling checks with Telegram that the posting bot may post in both channels.</summary>
    [HttpPut("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CrosspromoSettingsDto> Save(CrosspromoSettingsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new SaveCrosspromoSettings(
            request.Enabled ?? false, request.BotRole, request.CtaUrl, request.MorningPostTime, request.Timezone, request.Weekdays,
            request.TeaserOffsetMinutes, request.WinningSignalsPerDay, request.CatchUpMinutes), cancellationToken);
}

public sealed record CrosspromoSettingsRequest(
    bool? Enabled, string? BotRole, string? CtaUrl, string? MorningPostTime, string? Timezone, IReadOnlyList<string>? Weekdays,
    int? TeaserOffsetMinutes, int? WinningSignalsPerDay, int? CatchUpMinutes);
