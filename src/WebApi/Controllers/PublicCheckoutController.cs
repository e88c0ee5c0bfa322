using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;
using PromoStack.WebApi.OpenApi;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's website starts a VIP checkout here; no sign-in, rate limited per client and per tenant, callable from the tenant's own site origins.</summary>
[ApiController]
// Anonymous on purpose: a tenant's website visitors start a VIP checkout with no account here (Stripe takes the
// payment); the route names the tenant, and rate limits per client and tenant bound the cost.
[AllowAnonymous]
[Route("api/public/{tenant}/checkout")]
[TenantFromRoute]
[Tags(ApiTags.PublicCheckout)]
public sealed class PublicCheckoutController(ISender sender) : ControllerBase
{
    /// <summary>Start a VIP checkout</summary>
    /// <remarks>
    /// Answers the Stripe Checkout URL for the plan, whatever the email already has (no way to learn who subscribes). After
    /// paying, the payer is sent to the workspace's bot with a single-use link (valid 7 days) that links their Telegram
    /// account to the subscription. An unknown workspace, or a plan it does not sell, is a 404.
    /// </remarks>
    [HttpPost]
    [ProducesProblem(StatusCodes.Status409Conflict, "The business has not connected its bot yet.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Stripe cannot be reached.")]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    [EnableCors(PublicEndpointsSetup.CorsPolicy)]
    public async Task<CheckoutDto> Start(PublicCheckoutRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new StartWebCheckout(request.Email ?? string.Empty, request.Plan), cancellationToken);
}

public sealed record PublicCheckoutRequest(string? Email, PlanType Plan);
