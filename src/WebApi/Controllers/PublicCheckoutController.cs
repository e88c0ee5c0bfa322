using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's website starts a VIP checkout here; no sign-in, rate limited per client and per tenant, callable from the tenant's own site origins.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/public/{tenant}/checkout")]
[TenantFromRoute]
public sealed class PublicCheckoutController(ISender sender) : ControllerBase
{
    /// <summary>Returns the Stripe Checkout URL, whatever the email already has; 404 for an unknown tenant or plan, 503 when Stripe is down.</summary>
    [HttpPost]
    [EnableRateLimiting(PublicEndpointsSetup.RateLimit)]
    [EnableCors(PublicEndpointsSetup.CorsPolicy)]
    public async Task<CheckoutDto> Start(PublicCheckoutRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new StartWebCheckout(request.Email ?? string.Empty, request.Plan), cancellationToken);
}

public sealed record PublicCheckoutRequest(string? Email, PlanType Plan);
