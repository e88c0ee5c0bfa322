using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Audience;
using PromoStack.Application.Common.Paging;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's audience: every Telegram user its bots have met, their details and timeline, and the VIP members.</summary>
[ApiController]
[Route("api/audience")]
[Tags(ApiTags.Audience)]
public sealed class AudienceController(ISender sender) : ControllerBase
{
    /// <summary>List bot users</summary>
    /// <remarks>
    /// Bot users, newest first, 50 a page (at most 200), by keyset: pass the answer's <c>nextCursor</c> as
    /// <c>cursor</c> for the next page (null on the last). Searched by name, username (<c>@name</c>: usernames only) or
    /// Telegram id; filtered by VIP (an active subscription), free lead (never paid), blocked (<c>message_bot</c>,
    /// <c>signal_bot</c>, <c>coupon_bot</c> or <c>any</c>), unsubscribed (/stop), coupon bot use and join time
    /// (<c>joinedFrom</c> inclusive, <c>joinedTo</c> exclusive). Admins only: personal data.
    /// </remarks>
    [HttpGet("users")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<AudienceUserPage> ListUsers(
        [FromQuery] string? search, [FromQuery] bool? vip, [FromQuery] bool? freeLead, [FromQuery] string? blockedBy, [FromQuery] bool? unsubscribed,
        [FromQuery] bool? couponUser, [FromQuery] DateTimeOffset? joinedFrom, [FromQuery] DateTimeOffset? joinedTo, [FromQuery] string? cursor,
        [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(
            new ListAudienceUsers(search, vip, freeLead, blockedBy, unsubscribed, couponUser, joinedFrom, joinedTo, cursor, pageSize), cancellationToken);

    /// <summary>Get a bot user with their timeline</summary>
    /// <remarks>
    /// One bot user: their flags, subscriptions, channel memberships and timeline (newest first, at most 100 entries:
    /// journeys, payments, coupon images, channel joins, messages the bots queued for them). 404 for a Telegram id no
    /// bot of this workspace has met. Admins only.
    /// </remarks>
    [HttpGet("users/{telegramUserId:long}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<AudienceUserDetailDto> GetUser(long telegramUserId, CancellationToken cancellationToken) =>
        await sender.Send(new GetAudienceUser(telegramUserId), cancellationToken);

    /// <summary>List VIP members</summary>
    /// <remarks>
    /// VIP members: active subscriptions linked to a Telegram user, newest first, with whether Telegram reported them in
    /// the VIP channel. Admins only.
    /// </remarks>
    [HttpGet("vip-members")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<Page<VipMemberDto>> ListVipMembers([FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListVipMembers(page, pageSize), cancellationToken);

    /// <summary>Count bot users by filter</summary>
    /// <remarks>
    /// How many bot users each filter of <c>GET /api/audience/users</c> matches (counts only, so members may read it too).
    /// </remarks>
    [HttpGet("summary")]
    [Authorize(Policies.TenantMember)]
    public async Task<AudienceSummaryDto> Summary(CancellationToken cancellationToken) =>
        await sender.Send(new GetAudienceSummary(), cancellationToken);
}
