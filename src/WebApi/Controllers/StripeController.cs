using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Stripe;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's Stripe account: keys (never returned), the VIP product and its prices, the cached catalog.</summary>
[ApiController]
[Route("api/stripe")]
[Tags(ApiTags.Stripe)]
public sealed class StripeController(ISender sender) : ControllerBase
{
    /// <summary>Get the Stripe settings</summary>
    /// <remarks>The account, the VIP product and its prices, and the keys masked (they are never returned in full).</remarks>
    [HttpGet("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<StripeSettingsDto> GetSettings(CancellationToken cancellationToken) => await sender.Send(new GetStripeSettings(), cancellationToken);

    /// <summary>Save the Stripe settings</summary>
    /// <remarks>
    /// Saves the keys, the account and the VIP product and prices. A new secret key (required the first time; omitted, the
    /// stored one stays) is checked with Stripe before anything is saved: a 400 with Stripe's reason when refused. Secrets
    /// are stored encrypted.
    /// </remarks>
    [HttpPut("settings")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Stripe cannot be reached to check the key; nothing was saved.")]
    public async Task<StripeSettingsDto> SaveSettings(SaveStripeSettingsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new SaveStripeSettings(request.SecretKey, request.WebhookSecret, request.StripeAccountId, request.VipProductId, request.MonthlyPriceId,
                request.AnnualPriceId, request.LifetimePriceId),
            cancellationToken);

    /// <summary>Sync the Stripe catalog</summary>
    /// <remarks>Copies the account's products and prices from Stripe into the cache; the ones Stripe no longer lists are marked inactive.</remarks>
    [HttpPost("sync")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status400BadRequest, "Stripe refused the request (e.g. the key was revoked).")]
    [ProducesProblem(StatusCodes.Status409Conflict, "The Stripe settings are not saved yet.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Stripe cannot be reached.")]
    public async Task<IReadOnlyList<CachedProductDto>> Sync(CancellationToken cancellationToken) => await sender.Send(new SyncStripeCatalog(), cancellationToken);

    /// <summary>List the cached Stripe products</summary>
    /// <remarks>The products and their prices as last synced (no Stripe call).</remarks>
    [HttpGet("products")]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<CachedProductDto>> Products(CancellationToken cancellationToken) =>
        await sender.Send(new ListStripeProducts(), cancellationToken);
}

public sealed record SaveStripeSettingsRequest(
    string? SecretKey, string? WebhookSecret, string? StripeAccountId, string? VipProductId, string? MonthlyPriceId, string? AnnualPriceId,
    string? LifetimePriceId);
