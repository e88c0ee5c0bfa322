using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Subscriptions;
using PromoStack.Infrastructure.Observability;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Webhooks;

/// <summary>
/// Where Stripe posts a tenant's events. Authenticated by the <c>Stripe-Signature</c> over the exact raw body with
/// that tenant's webhook secret; kept out of the OpenAPI document.
/// </summary>
[ApiController]
// Anonymous on purpose: Stripe sends no user token; the Stripe-Signature over the raw body, checked with the tenant's
// webhook secret, authenticates every event instead.
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("api/stripe/webhook/{tenant}")]
[TenantFromRoute]
public sealed class StripeWebhookController(ISender sender) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Receive(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var (outcome, eventType) = await sender.Send(new ReceiveStripeEvent(Request.Headers["Stripe-Signature"].FirstOrDefault(), json), cancellationToken);
        Telemetry.StripeEvents.Add(1, Telemetry.Tag("type", eventType ?? "unverified"), Telemetry.Tag("outcome", outcome.ToString().ToLowerInvariant()));
        return outcome == StripeWebhookOutcome.Rejected
            ? Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The Stripe-Signature does not verify for this endpoint.")
            : Ok(new { received = true, outcome = outcome.ToString().ToLowerInvariant() });
    }
}
