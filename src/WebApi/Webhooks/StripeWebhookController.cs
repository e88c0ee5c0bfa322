using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Subscriptions;
using PromoStack.Infrastructure.Observability;
using PromoStack.Infrastructure.Stripe;
using PromoStack.Infrastructure.Webhooks;
using PromoStack.WebApi.Tenancy;

namespace PromoStack.WebApi.Webhooks;

/// <summary>
/// Where Stripe posts a tenant's events. Authenticated by the <c>Stripe-Signature</c> over the exact raw body with
/// that tenant's webhook secret, checked before the command is sent (<see cref="StripeWebhookGate"/>: a delivery that
/// fails opens no transaction and, once the tenant's secret is in memory, costs no query); kept out of the OpenAPI
/// document.
/// </summary>
[ApiController]
// Anonymous on purpose: Stripe sends no user token; the Stripe-Signature over the raw body, checked with the tenant's
// webhook secret, authenticates every event instead.
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("api/stripe/webhook/{tenant}")]
[TenantFromRoute]
public sealed class StripeWebhookController(StripeWebhookGate gate, WebhookSources sources, ISender sender) : ControllerBase
{
    public const string SignatureHeader = "Stripe-Signature";

    [HttpPost]
    public async Task<IActionResult> Receive(CancellationToken cancellationToken)
    {
        var source = sources.Arrive(HttpContext.Connection.RemoteIpAddress);
        var verdict = await gate.VerifyAsync(Request.Headers[SignatureHeader].FirstOrDefault(), ReadBodyAsync, source, cancellationToken);
        if (verdict.Admitted is not { } stripeEvent)
        {
            Telemetry.StripeEvents.Add(1, Telemetry.Tag("type", "unverified"), Telemetry.Tag("outcome", verdict.Limited ? "rate_limited" : "rejected"));
            return verdict.Limited
                ? this.TooManyRequests(source)
                : Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The Stripe-Signature does not verify for this endpoint.");
        }

        var outcome = (await sender.Send(new ReceiveStripeEvent(stripeEvent), cancellationToken)).ToString().ToLowerInvariant();
        Telemetry.StripeEvents.Add(1, Telemetry.Tag("type", stripeEvent.Type), Telemetry.Tag("outcome", outcome));
        return Ok(new { received = true, outcome });
    }

    private async Task<string> ReadBodyAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
