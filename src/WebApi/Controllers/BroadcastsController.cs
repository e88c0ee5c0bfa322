using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Broadcasts;
using PromoStack.Domain.Broadcasts;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>Messages to the bot's users (all, VIP subscribers, or free leads), with progress and cancellation.</summary>
[ApiController]
[Route("api/broadcasts")]
[Tags(ApiTags.Broadcasts)]
public sealed class BroadcastsController(ISender sender) : ControllerBase
{
    /// <summary>List broadcasts</summary>
    /// <remarks>Every broadcast of the workspace, newest first, each with its progress.</remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<BroadcastDto>> List(CancellationToken cancellationToken) => await sender.Send(new ListBroadcasts(), cancellationToken);

    /// <summary>Count a broadcast's recipients</summary>
    /// <remarks>
    /// How many a broadcast to the audience (<c>all</c>, <c>vip</c>, <c>free_leads</c>, <c>coupon_users</c>; <c>all</c>
    /// unless given) would go to now: <c>recipients</c>, the people in it; <c>reachable</c>, those its bot can write to
    /// (not blocked, not unsubscribed), picked exactly as the sender picks a broadcast's recipients.
    /// </remarks>
    [HttpGet("audience")]
    [Authorize(Policies.TenantMember)]
    public async Task<BroadcastAudienceDto> Audience([FromQuery] string? audience, CancellationToken cancellationToken) =>
        await sender.Send(new GetBroadcastAudience(audience), cancellationToken);

    /// <summary>Start a broadcast</summary>
    /// <remarks>
    /// Sends a message (Telegram HTML, optionally with a photo and up to 8 link buttons) to an audience: everyone the message
    /// bot can reach, VIP subscribers, free leads, or the coupon bot's users. It goes out through the outbox behind the
    /// bots' interactive replies; follow its progress with <c>GET /api/broadcasts/{id}</c>.
    /// </remarks>
    [HttpPost]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType<BroadcastDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The bot that reaches this audience is not connected (the coupon bot for coupon users, else the message bot).")]
    public async Task<ActionResult<BroadcastDto>> Create(BroadcastRequest request, CancellationToken cancellationToken)
    {
        var broadcast = await sender.Send(new CreateBroadcast(request.Message ?? string.Empty, request.Photo, request.Buttons, request.Audience ?? BroadcastAudience.All), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = broadcast.Id }, broadcast);
    }

    /// <summary>Get a broadcast</summary>
    /// <remarks>The broadcast with its progress: recipients, sent, failed, blocked, skipped, pending.</remarks>
    [HttpGet("{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<BroadcastDto> Get(int id, CancellationToken cancellationToken) => await sender.Send(new GetBroadcast(id), cancellationToken);

    /// <summary>Cancel a broadcast</summary>
    /// <remarks>Stops the broadcast: the recipients not yet sent to are skipped and their queued messages withdrawn.</remarks>
    [HttpPost("{id:int}/cancel")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The broadcast has already finished (completed, cancelled or failed).")]
    public async Task<BroadcastDto> Cancel(int id, CancellationToken cancellationToken) => await sender.Send(new CancelBroadcast(id), cancellationToken);
}

public sealed record BroadcastRequest(string? Message, string? Photo, IReadOnlyList<BroadcastButton>? Buttons, BroadcastAudience? Audience);
