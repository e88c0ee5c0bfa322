using Mediator;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Stripe;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A Stripe event for the tenant the webhook URL names, verified with that tenant's secret over the exact body before
/// this command is sent (by the webhook's gate, outside any transaction: a delivery that does not verify never gets
/// here): recorded once per tenant in <c>processed_webhook_events</c> and applied in the same transaction (a repeat changes nothing);
/// a sale that is not PromoStack's is recorded as ignored, with the reason.
/// </summary>
public sealed record ReceiveStripeEvent(StripeEvent Event) : ITenantCommand<StripeWebhookOutcome>;

public enum StripeWebhookOutcome
{
    Applied,
    Duplicate,
    Ignored,
}

internal sealed partial class ReceiveStripeEventHandler(
    IAppDbContext db, ITenantContext tenant, IWebhookEventLedger ledger, StripeEventEffects effects, TimeProvider clock, ILogger<ReceiveStripeEventHandler> logger)
    : ICommandHandler<ReceiveStripeEvent, StripeWebhookOutcome>
{
    public async ValueTask<StripeWebhookOutcome> Handle(ReceiveStripeEvent command, CancellationToken cancellationToken)
    {
        var stripeEvent = command.Event;
        if (stripeEvent is UnhandledStripeEvent)
        {
            return StripeWebhookOutcome.Ignored;
        }

        var now = clock.GetUtcNow();
        if (!await ledger.TryRecordAsync(stripeEvent.Id, stripeEvent.Type, now, cancellationToken))
        {
            return StripeWebhookOutcome.Duplicate;
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
        return effect.IgnoredBecause is null ? StripeWebhookOutcome.Applied : StripeWebhookOutcome.Ignored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe {Type} {EventId} for tenant {Tenant}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string tenant, string type, string eventId, string outcome);
}

/// <summary>The event refers to something not known yet; Stripe retries it (503).</summary>
public sealed class StripeEventNotYetApplicableException(string eventId, string type)
    : Exception($"Stripe {type} {eventId} refers to a subscription not known yet; Stripe will deliver it again.");
