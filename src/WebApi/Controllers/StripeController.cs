using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Stripe;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's Stripe account: keys (never returned), the VIP product and its prices, the cached catalog.</summary>
[ApiController]
[Route("api/stripe")]
public sealed class StripeController(ISender sender) : ControllerBase
{
    [HttpGet("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<StripeSettingsDto> GetSettings(CancellationToken cancellationToken) => await sender.Send(new GetStripeSettings(), cancellationToken);

    /// <summary>Saves the settings; a new secret key is checked with Stripe first (400 with Stripe's reason when refused, 503 when unreachable).</summary>
    [HttpPut("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<StripeSettingsDto> SaveSettings(SaveStripeSettingsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new SaveStripeSettings(request.SecretKey, request.WebhookSecret, request.StripeAccountId, request.VipProductId, request.MonthlyPriceId,
                request.AnnualPriceId, request.LifetimePriceId),
            cancellationToken);

    [HttpPost("sync")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<IReadOnlyList<CachedProductDto>> Sync(CancellationToken cancellationToken) => await sender.Send(new SyncStripeCatalog(), cancellationToken);

    [HttpGet("products")]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<CachedProductDto>> Products(CancellationToken cancellationToken) =>
        await sender.Send(new ListStripeProducts(), cancellationToken);
}

public sealed record SaveStripeSettingsRequest(
    string? SecretKey, string? WebhookSecret, string? StripeAccountId, string? VipProductId, string? MonthlyPriceId, string? AnnualPriceId,
    string? LifetimePriceId);
