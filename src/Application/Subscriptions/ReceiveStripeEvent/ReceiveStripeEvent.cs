using Mediator;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Stripe;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A Stripe webhook delivery for the tenant the URL names: verified with that tenant's secret over the exact body,
/// recorded once per tenant in <c>processed_webhook_events</c> and applied in the same transaction (a repeat changes
/// nothing); a sale that is not PromoStack's is recorded as ignored, with the reason.
/// </summary>
public sealed record ReceiveStripeEvent(string? Signature, string Json) : ITenantCommand<StripeWebhookReceipt>;

/// <summary>What became of a delivery, and the verified event's type (null when it did not verify).</summary>
public sealed record StripeWebhookReceipt(StripeWebhookOutcome Outcome, string? EventType);

public enum StripeWebhookOutcome
{
    Applied,
    Duplicate,
    Ignored,

    /// <summary>Missing or bad signature, or a tenant without a webhook secret: 400, nothing applied.</summary>
    Rejected,
}

internal sealed partial class ReceiveStripeEventHandler(
    IAppDbContext db, ITenantContext tenant, IStripeWebhookSecrets webhookSecrets, ISecretProtector secrets, IStripeWebhookVerifier verifier,
    IWebhookEventLedger ledger, StripeEventEffects effects, TimeProvider clock, ILogger<ReceiveStripeEventHandler> logger)
    : ICommandHandler<ReceiveStripeEvent, StripeWebhookReceipt>
{
    public async ValueTask<StripeWebhookReceipt> Handle(ReceiveStripeEvent command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remembered = await webhookSecrets.FindAsync(cancellationToken);
        var stripeEvent = Verify(command, remembered, now);
        if (stripeEvent is null)
        {
            // The remembered secret may be one the tenant has just rolled on another instance: check the stored one.
            var stored = await webhookSecrets.RefreshAsync(cancellationToken);
            if (stored != remembered)
            {
                stripeEvent = Verify(command, stored, now);
            }
        }

        if (stripeEvent is null)
        {
            return new StripeWebhookReceipt(StripeWebhookOutcome.Rejected, null);
        }

        if (stripeEvent is UnhandledStripeEvent)
        {
            return new StripeWebhookReceipt(StripeWebhookOutcome.Ignored, stripeEvent.Type);
        }

        if (!await ledger.TryRecordAsync(stripeEvent.Id, stripeEvent.Type, now, cancellationToken))
        {
            return new StripeWebhookReceipt(StripeWebhookOutcome.Duplicate, stripeEvent.Type);
        }

        var effect = await effects.ApplyAsync(stripeEvent, now, cancellationToken);
        if (!effect.Applicable)
        {
            // Thrown, not returned: the ledger row rolls back with the transaction, so Stripe's retry is applied.
            throw new StripeEventNotYetApplicableException(stripeEvent.Id, stripeEvent.Type);
        }

        if (effect.IgnoredBecause is { } reason)
        {
            await ledger.MarkIgnoredAsync(stripeEvent.Id, reason, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogHandled(logger, tenant.RequiredTenantId, stripeEvent.Type, stripeEvent.Id, effect.IgnoredBecause ?? "applied");
        return new StripeWebhookReceipt(effect.IgnoredBecause is null ? StripeWebhookOutcome.Applied : StripeWebhookOutcome.Ignored, stripeEvent.Type);
    }

    private StripeEvent? Verify(ReceiveStripeEvent command, string? encryptedSecret, DateTimeOffset now) =>
        encryptedSecret is null ? null : verifier.Verify(command.Json, command.Signature, secrets.Unprotect(StripeSecrets.WebhookSecret, encryptedSecret), now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe {Type} {EventId} for tenant {Tenant}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string tenant, string type, string eventId, string outcome);
}

/// <summary>The event refers to something not known yet; Stripe retries it (503).</summary>
public sealed class StripeEventNotYetApplicableException(string eventId, string type)
    : Exception($"Stripe {type} {eventId} refers to a subscription not known yet; Stripe will deliver it again.");
