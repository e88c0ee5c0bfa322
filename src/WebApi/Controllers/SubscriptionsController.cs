using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>VIP subscriptions: list, look up (with its history and invite links), metrics (also day by day), grant by hand, revoke.</summary>
[ApiController]
[Route("api/subscriptions")]
[Tags(ApiTags.Subscriptions)]
public sealed class SubscriptionsController(ISender sender) : ControllerBase
{
    /// <summary>List subscriptions</summary>
    /// <remarks>The workspace's VIP subscriptions, newest first, filtered by status and plan, searched by email or Telegram username.</remarks>
    /// <param name="status">Only the subscriptions in this status.</param>
    /// <param name="plan">Only the subscriptions on this plan.</param>
    /// <param name="search">Part of an email or a Telegram username.</param>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<SubscriptionDto>> List(
        [FromQuery] SubscriptionStatus? status, [FromQuery] PlanType? plan, [FromQuery] string? search, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListSubscriptions(status, plan, search, page, pageSize), cancellationToken);

    /// <summary>Subscription figures</summary>
    /// <remarks>
    /// Active subscribers by plan now, monthly recurring revenue per currency from the cached Stripe prices, new (first
    /// paid) and churned (ended) in the period (the last 30 days by default), and how many free leads became payers.
    /// </remarks>
    /// <param name="from">Start of the period (included).</param>
    /// <param name="to">End of the period (excluded).</param>
    [HttpGet("metrics")]
    [Authorize(Policies.TenantMember)]
    public async Task<SubscriptionMetricsDto> Metrics([FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken cancellationToken) =>
        await sender.Send(new GetSubscriptionMetrics(from, to), cancellationToken);

    /// <summary>Subscription metrics day by day</summary>
    /// <remarks>
    /// Day by day, for the <c>days</c> days ending today in the tenant's time zone (1 to 365, default 30): new (first
    /// paid), churned (access ended), active at the day's end, and MRR at the day's end per currency.
    /// </remarks>
    /// <param name="days">How many days, ending today (1 to 365).</param>
    [HttpGet("metrics/daily")]
    [Authorize(Policies.TenantMember)]
    public async Task<DailySubscriptionMetricsDto> DailyMetrics([FromQuery] int days = GetDailySubscriptionMetrics.DefaultDays, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetDailySubscriptionMetrics(days), cancellationToken);

    /// <summary>Get a subscription</summary>
    /// <remarks>The subscription with its subscriber, plan, status, dates and Telegram account.</remarks>
    [HttpGet("{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<SubscriptionDto> Get(int id, CancellationToken cancellationToken) => await sender.Send(new GetSubscription(id), cancellationToken);

    /// <summary>Get a subscription with its history</summary>
    /// <remarks>
    /// The subscription with its history (newest first, at most 200), its VIP invite links (masked: a link is never
    /// returned whole) and its Stripe ids; personal data masked and ids left out for a member, as in the subscription.
    /// </remarks>
    [HttpGet("{id:int}/detail")]
    [Authorize(Policies.TenantMember)]
    public async Task<SubscriptionDetailDto> Detail(int id, CancellationToken cancellationToken) => await sender.Send(new GetSubscriptionDetail(id), cancellationToken);

    /// <summary>Grant VIP by hand</summary>
    /// <remarks>
    /// A subscription for the email on the plan until <c>endsAt</c> (one period from now when omitted; lifetime has no
    /// end). It does not renew. An existing subscription of that email is reactivated.
    /// </remarks>
    [ProducesProblem(StatusCodes.Status409Conflict, "The email already has an active subscription.")]
    [HttpPost("grant")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SubscriptionDto> Grant(GrantSubscriptionRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new GrantSubscription(request.Email ?? string.Empty, request.Plan, request.TelegramUserId, request.EndsAt), cancellationToken);

    /// <summary>Revoke a subscription</summary>
    /// <remarks>
    /// Ends an active subscription now. One Stripe bills is cancelled in Stripe first, so that no renewal gives the
    /// access back; if Stripe fails, nothing changes here.
    /// </remarks>
    [ProducesProblem(StatusCodes.Status400BadRequest, "Stripe refused to cancel the subscription.")]
    [ProducesProblem(StatusCodes.Status409Conflict, "The subscription gives no access to revoke.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Stripe cannot be reached; nothing was changed.")]
    [HttpPost("{id:int}/revoke")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SubscriptionDto> Revoke(int id, CancellationToken cancellationToken) => await sender.Send(new RevokeSubscription(id), cancellationToken);
}

public sealed record GrantSubscriptionRequest(string? Email, PlanType Plan, long? TelegramUserId, DateTimeOffset? EndsAt);
