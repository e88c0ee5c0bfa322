using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Broadcasts;
using PromoStack.Domain.Broadcasts;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Messages to the bot's users (all, VIP subscribers, or free leads), with progress and cancellation.</summary>
[ApiController]
[Route("api/broadcasts")]
public sealed class BroadcastsController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<BroadcastDto>> List(CancellationToken cancellationToken) => await sender.Send(new ListBroadcasts(), cancellationToken);

    /// <summary>
    /// How many a broadcast to the audience (<c>all</c>, <c>vip</c>, <c>free_leads</c>, <c>coupon_users</c>; <c>all</c>
    /// unless given) would go to now: <c>recipients</c>, the people in it; <c>reachable</c>, those its bot can write to
    /// (not blocked, not unsubscribed), picked exactly as the sender picks a broadcast's recipients.
    /// </summary>
    [HttpGet("audience")]
    [Authorize(Policies.TenantMember)]
    public async Task<BroadcastAudienceDto> Audience([FromQuery] string? audience, CancellationToken cancellationToken) =>
        await sender.Send(new GetBroadcastAudience(audience), cancellationToken);

    [HttpPost]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ActionResult<BroadcastDto>> Create(BroadcastRequest request, CancellationToken cancellationToken)
    {
        var broadcast = await sender.Send(new CreateBroadcast(request.Message ?? string.Empty, request.Photo, request.Buttons, request.Audience ?? BroadcastAudience.All), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = broadcast.Id }, broadcast);
    }

    /// <summary>The broadcast with its progress: recipients, sent, failed, blocked, skipped, pending.</summary>
    [HttpGet("{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<BroadcastDto> Get(int id, CancellationToken cancellationToken) => await sender.Send(new GetBroadcast(id), cancellationToken);

    [HttpPost("{id:int}/cancel")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<BroadcastDto> Cancel(int id, CancellationToken cancellationToken) => await sender.Send(new CancelBroadcast(id), cancellationToken);
}

public sealed record BroadcastRequest(string? Message, string? Photo, IReadOnlyList<BroadcastButton>? Buttons, BroadcastAudience? Audience);
