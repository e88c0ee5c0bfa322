using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>VIP subscriptions: list, look up (with its history and invite links), metrics (also day by day), grant by hand, revoke.</summary>
[ApiController]
[Route("api/subscriptions")]
public sealed class SubscriptionsController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<SubscriptionDto>> List(
        [FromQuery] SubscriptionStatus? status, [FromQuery] PlanType? plan, [FromQuery] string? search, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListSubscriptions(status, plan, search, page, pageSize), cancellationToken);

    /// <summary>Active subscribers by plan, MRR, new and churned in the period (last 30 days by default), free-lead conversion.</summary>
    [HttpGet("metrics")]
    [Authorize(Policies.TenantMember)]
    public async Task<SubscriptionMetricsDto> Metrics([FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken cancellationToken) =>
        await sender.Send(new GetSubscriptionMetrics(from, to), cancellationToken);

    /// <summary>
    /// Day by day, for the <c>days</c> days ending today in the tenant's time zone (1 to 365, default 30): new (first
    /// paid), churned (access ended), active at the day's end, and MRR at the day's end per currency.
    /// </summary>
    [HttpGet("metrics/daily")]
    [Authorize(Policies.TenantMember)]
    public async Task<DailySubscriptionMetricsDto> DailyMetrics([FromQuery] int days = GetDailySubscriptionMetrics.DefaultDays, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetDailySubscriptionMetrics(days), cancellationToken);

    [HttpGet("{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<SubscriptionDto> Get(int id, CancellationToken cancellationToken) => await sender.Send(new GetSubscription(id), cancellationToken);

    /// <summary>
    /// The subscription with its history (newest first, at most 200), its VIP invite links (masked: a link is never
    /// returned whole) and its Stripe ids; personal data masked and ids left out for a member, as in the subscription.
    /// </summary>
    [HttpGet("{id:int}/detail")]
    [Authorize(Policies.TenantMember)]
    public async Task<SubscriptionDetailDto> Detail(int id, CancellationToken cancellationToken) => await sender.Send(new GetSubscriptionDetail(id), cancellationToken);

    /// <summary>VIP by hand (not renewing); 409 when that email already has access.</summary>
    [HttpPost("grant")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SubscriptionDto> Grant(GrantSubscriptionRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new GrantSubscription(request.Email ?? string.Empty, request.Plan, request.TelegramUserId, request.EndsAt), cancellationToken);

    /// <summary>Ends access now; 409 when there is none.</summary>
    [HttpPost("{id:int}/revoke")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SubscriptionDto> Revoke(int id, CancellationToken cancellationToken) => await sender.Send(new RevokeSubscription(id), cancellationToken);
}

public sealed record GrantSubscriptionRequest(string? Email, PlanType Plan, long? TelegramUserId, DateTimeOffset? EndsAt);
