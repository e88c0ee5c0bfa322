using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Home;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The admin app's home screen.</summary>
[ApiController]
[Route("api/dashboard")]
[Tags(ApiTags.AdminApp)]
public sealed class DashboardController(ISender sender) : ControllerBase
{
    /// <summary>Get the home screen</summary>
    /// <remarks>
    /// The home screen in one call: MRR, new and churned subscriptions over the last 30 days with a daily series,
    /// VIP members, free leads and their conversion, today's and the open signals with their live status, the last
    /// broadcast, today's coupon images, and <c>problems</c> — a badge for everything failing (Telegram webhooks and
    /// tokens, the signal bot's channel rights, failed updates and messages of the last 24 h, Stripe not verified).
    /// Demo signals never count.
    /// </remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<DashboardDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetDashboard(), cancellationToken);
}
