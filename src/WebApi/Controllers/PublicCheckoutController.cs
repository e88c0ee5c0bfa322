using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PromoStack.Application.Stripe.Checkout;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's website starts a VIP checkout here; no sign-in, rate limited per client.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/public/{tenant}/checkout")]
public sealed class PublicCheckoutController(ISender sender) : ControllerBase
{
    public const string RateLimit = "public-checkout";

    /// <summary>Returns the Stripe Checkout URL; 404 for an unknown tenant or plan, 409 when the email already has access.</summary>
    [HttpPost]
    [EnableRateLimiting(RateLimit)]
    public async Task<CheckoutDto> Start(string tenant, PublicCheckoutRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new StartWebCheckout(tenant, request.Email ?? string.Empty, request.Plan), cancellationToken);
}

public sealed record PublicCheckoutRequest(string? Email, PlanType Plan);
