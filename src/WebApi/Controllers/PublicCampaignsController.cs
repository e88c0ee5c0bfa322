using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Campaigns;
using PromoStack.WebApi.OpenApi;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's website takes entries here; no sign-in, rate limited per client and tenant, callable from the tenant's own site origins.</summary>
[ApiController]
// Anonymous on purpose: a tenant's website visitors enter campaigns with no account here; the route names the tenant,
// and rate limits per client and tenant bound the cost.
[AllowAnonymous]
[Route("api/public/{tenant}/campaigns/{id:int}/entries")]
[TenantFromRoute]
[Tags(ApiTags.PublicCampaigns)]
public sealed class PublicCampaignsController(ISender sender) : ControllerBase
{
    /// <summary>Enter a campaign</summary>
    /// <remarks>
    /// One entry per email per campaign while it is active. The receipt is the same whether or not the email had entered
    /// already (the first entry stands), so the endpoint tells no one who entered.
    /// </remarks>
    [HttpPost]
    [ProducesResponseType<CampaignEntryReceipt>(StatusCodes.Status202Accepted)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The campaign is not open for entries (not active).")]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    [EnableCors(PublicEndpointsSetup.CorsPolicy)]
    public async Task<ActionResult<CampaignEntryReceipt>> Enter(int id, CampaignEntryRequest request, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status202Accepted, await sender.Send(new EnterCampaign(id, request.Email ?? string.Empty, request.TelegramUsername, request.SocialLinks), cancellationToken));
}

public sealed record CampaignEntryRequest(string? Email, string? TelegramUsername, IReadOnlyList<string>? SocialLinks);
