using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram.Leads;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Stripe.Webhooks;

/// <summary>
/// What each handled Stripe event does to the tenant's subscriptions. Fields are read where each API version puts
/// them (e.g. the period end on the subscription, or on its first item since 2025); Stripe's <c>canceled</c> is our
/// <c>cancelled</c>. A subscription is found only exactly: by our id in the metadata our checkout set, its Stripe id,
/// its customer, or the checkout's email — never "the most recent pending one". An event older than the last one applied to a subscription changes nothing, except the final ones (deletion, full refund, deleted customer), which end access whenever they arrive.
/// </summary>
internal sealed class StripeEventEffects(IAppDbContext db, ITenantContext tenant)
{
    private static readonly HashSet<string> HandledTypes =
    [
        "checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
        "invoice.paid", "invoice.payment_failed", "charge.refunded", "customer.deleted",
    ];

    public static bool Handles(string type) => HandledTypes.Contains(type);

    /// <summary>False when the event needs a subscription that is not known yet.</summary>
    public async Task<bool> ApplyAsync(StripeEventEnvelope e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = e.Object;
        switch (e.Type)
        {
            case "checkout.session.completed":
                await CheckoutCompletedAsync(e, now, cancellationToken);
                return true;
            case "customer.subscription.created" or "customer.subscription.updated":
                return await WithSubscriptionAsync(e, o.Str("id"), o.Str("customer"), s => SubscriptionChanged(s, o, e.Created, now), cancellationToken);
            case "customer.subscription.deleted":
                return await WithSubscriptionAsync(e, o.Str("id"), o.Str("customer"), s => End(s, CancellationReason.User, e.Created, now), cancellationToken);
            case "invoice.paid" or "invoice.payment_failed" when InvoiceSubscription(o) is null:
                // A one-off invoice (e.g. billing_reason "manual"): no subscription's access depends on it.
                return true;
            case "invoice.paid":
                return await WithSubscriptionAsync(e, InvoiceSubscription(o), o.Str("customer"), s =>
                {
                    if (s.TryApplyEventAt(e.Created))
                    {
                        InvoicePaid(s, o, now);
                    }
                }, cancellationToken);
            case "invoice.payment_failed":
                return await WithSubscriptionAsync(e, InvoiceSubscription(o), o.Str("customer"), s =>
                {
                    // A failure older than the payment that settled it is stale: it must not start a grace period.
                    if (s.GrantsAccess && s.TryApplyEventAt(e.Created))
                    {
                        s.RecordPaymentFailure(e.Created);
                    }
                }, cancellationToken);
            case "charge.refunded" when o.Bool("refunded") != true:
                // A partial refund (a goodwill credit) leaves the purchase standing.
                return true;
            case "charge.refunded":
                await EndAllAsync(o.Str("customer"), CancellationReason.Refunded, e.Created, now, cancellationToken);
                return true;
            case "customer.deleted":
                await EndAllAsync(o.Str("id"), CancellationReason.Deleted, e.Created, now, cancellationToken);
                return true;
            default:
                return true;
        }
    }

    private async Task CheckoutCompletedAsync(StripeEventEnvelope e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = e.Object;
        var email = (o.Str("customer_details", "email") ?? o.Str("customer_email"))?.ToLowerInvariant();
        var stripeSubscription = o.Str("subscription");
        var subscription = await ByOurIdAsync(o, cancellationToken)
                           ?? (stripeSubscription is null ? null : await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.StripeSubscriptionId == stripeSubscription, cancellationToken))
                           ?? (email is null ? null : await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Email == email, cancellationToken));
        if (subscription is null)
        {
            if (email is null)
            {
                return;
            }

            subscription = TelegramSubscription.Begin(tenant.RequiredTenantId, email, Plan(o.Str("metadata", "plan"), o.Str("mode")), now);
            db.TelegramSubscriptions.Add(subscription);
        }

        if (!subscription.GrantsAccess)
        {
            // The email's earlier subscription has ended (or is this checkout's own pending one): this purchase decides the plan.
            subscription.ChangePlan(Plan(o.Str("metadata", "plan"), o.Str("mode")), now);
        }

        subscription.LinkStripe(o.Str("customer"), stripeSubscription);
        if (long.TryParse(o.Str("metadata", "telegram_user_id"), out var telegramUserId))
        {
            var wasFreeLead = await FreeLeads.UserIds(db).ContainsAsync(telegramUserId, cancellationToken);
            subscription.LinkTelegramUser(telegramUserId, o.Str("metadata", "telegram_username"), wasFreeLead);
        }

        // A one-time payment (lifetime) is complete here; a subscription's access follows its own events.
        if (o.Str("mode") == "payment" && o.Str("payment_status") == "paid" && !subscription.GrantsAccess && subscription.TryApplyEventAt(e.Created))
        {
            subscription.Activate(null, now);
        }
    }

    private static void SubscriptionChanged(TelegramSubscription s, JsonElement o, DateTimeOffset eventAt, DateTimeOffset now)
    {
        if (!s.TryApplyEventAt(eventAt))
        {
            return;
        }

        var periodEnd = o.Time("current_period_end") ?? o.Time("items", "data", "0", "current_period_end");
        switch (o.Str("status"))
        {
            case "active" or "trialing":
                if (!s.GrantsAccess)
                {
                    s.Activate(periodEnd, now);
                }
                else if (periodEnd > s.CurrentPeriodEnd)
                {
                    s.Renew(periodEnd.Value, now);
                }

                if (o.Bool("cancel_at_period_end") is { } cancel && cancel != s.CancelAtPeriodEnd && s.CurrentPeriodEnd is not null)
                {
                    s.SetCancelAtPeriodEnd(cancel, now);
                }

                break;
            case "past_due" or "unpaid" when s.GrantsAccess:
                s.RecordPaymentFailure(eventAt);
                break;
            case "canceled" when s.GrantsAccess:
                s.Cancel(CancellationReason.User, now);
                break;
            case "incomplete_expired" when s.Status == SubscriptionStatus.Pending:
                s.Expire(now);
                break;
        }
    }

    private static void InvoicePaid(TelegramSubscription s, JsonElement o, DateTimeOffset now)
    {
        var periodEnd = o.Time("lines", "data", "0", "period", "end");
        if (periodEnd is null)
        {
            return;
        }

        if (!s.GrantsAccess)
        {
            s.Activate(periodEnd, now);
        }
        else if (periodEnd > s.CurrentPeriodEnd)
        {
            s.Renew(periodEnd.Value, now);
        }
    }

    private async Task<bool> WithSubscriptionAsync(
        StripeEventEnvelope e, string? stripeSubscriptionId, string? customerId, Action<TelegramSubscription> apply, CancellationToken cancellationToken)
    {
        var subscription = stripeSubscriptionId is null
            ? null
            : await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.StripeSubscriptionId == stripeSubscriptionId, cancellationToken);
        if (subscription is null && customerId is not null)
        {
            // The checkout linked the customer but the subscription id arrives with this event.
            var byCustomer = await db.TelegramSubscriptions.Where(s => s.StripeCustomerId == customerId && s.StripeSubscriptionId == null).ToListAsync(cancellationToken);
            subscription = byCustomer.Count == 1 ? byCustomer[0] : null;
            subscription?.LinkStripe(customerId, stripeSubscriptionId);
        }

        if (subscription is null && await ByOurIdAsync(e.Object, cancellationToken) is { } ours)
        {
            // Our checkout put the subscription's id in the metadata Stripe copies onto the subscription.
            subscription = ours;
            subscription.LinkStripe(customerId, stripeSubscriptionId);
        }

        if (subscription is null)
        {
            // Not known yet: one our checkout made waits for its checkout (Stripe retries); any other subscription
            // of the tenant's Stripe account (not a VIP one) is none of ours, and a retry would never end.
            return e.Type == "customer.subscription.deleted" || e.Type == "invoice.payment_failed" || !FromOurCheckout(e.Object);
        }

        apply(subscription);
        return true;
    }

    private async Task EndAllAsync(string? customerId, CancellationReason reason, DateTimeOffset eventAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (customerId is null)
        {
            return;
        }

        foreach (var subscription in await db.TelegramSubscriptions.Where(s => s.StripeCustomerId == customerId).ToListAsync(cancellationToken))
        {
            End(subscription, reason, eventAt, now);
        }
    }

    /// <summary>
    /// A deletion, full refund or deleted customer is final whenever it arrives: it ends access even after newer
    /// events, and makes the events older than itself stale.
    /// </summary>
    private static void End(TelegramSubscription subscription, CancellationReason reason, DateTimeOffset eventAt, DateTimeOffset now)
    {
        _ = subscription.TryApplyEventAt(eventAt);
        if (subscription.GrantsAccess)
        {
            subscription.Cancel(reason, now);
        }
    }

    private async Task<TelegramSubscription?> ByOurIdAsync(JsonElement o, CancellationToken cancellationToken) =>
        int.TryParse(o.Str("metadata", "subscription_id"), out var id)
            ? await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;

    /// <summary>
    /// Whether the subscription (or the invoice's subscription) carries this tenant's id in the metadata our checkouts
    /// put on it: on the subscription; on an invoice under <c>parent.subscription_details</c> (current versions),
    /// <c>subscription_details</c> (2022–2024) or its subscription line (2020-08-27).
    /// </summary>
    private bool FromOurCheckout(JsonElement o) =>
        new[]
        {
            o.Str("metadata", "tenant_id"), o.Str("parent", "subscription_details", "metadata", "tenant_id"),
            o.Str("subscription_details", "metadata", "tenant_id"), o.Str("lines", "data", "0", "metadata", "tenant_id"),
        }.Contains(tenant.RequiredTenantId);

    private static string? InvoiceSubscription(JsonElement invoice) =>
        invoice.Str("subscription") ?? invoice.Str("parent", "subscription_details", "subscription");

    private static PlanType Plan(string? plan, string? mode) => plan switch
    {
        "annual" => PlanType.Annual,
        "lifetime" => PlanType.Lifetime,
        "monthly" => PlanType.Monthly,
        _ => mode == "payment" ? PlanType.Lifetime : PlanType.Monthly,
    };
}

/// <summary>Reading Stripe objects by path, whatever the API version (absent or null → null).</summary>
internal static class StripeJson
{
    public static string? Str(this JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Bool(this JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static DateTimeOffset? Time(this JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static JsonElement? Find(JsonElement element, string[] path)
    {
        var current = element;
        foreach (var step in path)
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(step, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(step, out var next))
            {
                current = next;
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
