using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// What each handled Stripe event does to the tenant's subscriptions. Only PromoStack's own sales grant access: a
/// checkout is ours when it carries this tenant's id and the id of the pending subscription it was made for (both in
/// its metadata, which only the tenant's secret key can set), and it is applied to that subscription alone — never one
/// found by the email the payer typed. A Stripe subscription is ours when its metadata says so, or when it is for one of
/// the tenant's configured VIP prices (one an admin made by hand in Stripe). Everything else on the tenant's Stripe
/// account (a Payment Link for an e-book, another product) is acknowledged and ignored with the reason. Fields are
/// read where each API version puts them; Stripe's <c>canceled</c> is our <c>cancelled</c>. An event older than the
/// last one applied to a subscription changes nothing, except the final ones (deletion, full refund, deleted
/// customer), which end access whenever they arrive. Stripe ids, once on a subscription, never move to another.
/// </summary>
internal sealed class StripeEventEffects(IAppDbContext db, ITenantContext tenant)
{
    private const string NotOurs = "not a PromoStack sale: no PromoStack metadata for this tenant and no VIP price of its";

    private static readonly HashSet<string> HandledTypes =
    [
        "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired",
        "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
        "invoice.paid", "invoice.payment_failed", "charge.refunded", "customer.deleted",
    ];

    private TenantStripeSettings? _settings;

    public static bool Handles(string type) => HandledTypes.Contains(type);

    public async Task<StripeEffect> ApplyAsync(StripeEventEnvelope e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = e.Object;
        switch (e.Type)
        {
            case "checkout.session.completed" or "checkout.session.async_payment_succeeded":
                return await WithCheckoutAsync(o, now, s => CheckoutPaid(s, o, e.Created, now), cancellationToken);
            case "checkout.session.async_payment_failed":
                return await WithCheckoutAsync(o, now, s =>
                {
                    if (s.Status != SubscriptionStatus.Pending)
                    {
                        return StripeEffect.Ignored($"the subscription is {s.Status.ToString().ToLowerInvariant()}, not waiting for this payment");
                    }

                    s.RecordCheckoutPaymentFailure("The delayed payment failed; the checkout is not paid.", now);
                    return StripeEffect.Applied;
                }, cancellationToken);
            case "checkout.session.expired":
                return await WithCheckoutAsync(o, now, s =>
                {
                    if (s.Status != SubscriptionStatus.Pending)
                    {
                        return StripeEffect.Ignored($"the subscription is {s.Status.ToString().ToLowerInvariant()}, not an open checkout");
                    }

                    s.Expire(now);
                    return StripeEffect.Applied;
                }, cancellationToken);
            case "customer.subscription.created" or "customer.subscription.updated":
                return await WithSubscriptionAsync(e, o.Str("id"), o.Str("customer"), SubscriptionPrice(o), s => SubscriptionChanged(s, o, e.Created, now), now, cancellationToken);
            case "customer.subscription.deleted":
                return await WithSubscriptionAsync(e, o.Str("id"), o.Str("customer"), null, s => End(s, CancellationReason.User, e.Created, now), now, cancellationToken);
            case "invoice.paid" or "invoice.payment_failed" when InvoiceSubscription(o) is null:
                return StripeEffect.Ignored("a one-off invoice: no subscription's access depends on it");
            case "invoice.paid":
                return await WithSubscriptionAsync(e, InvoiceSubscription(o), o.Str("customer"), InvoicePrice(o), s =>
                {
                    s.RecordPayment(o.Str("customer_email"), o.Str("payment_intent"));
                    if (s.TryApplyEventAt(e.Created))
                    {
                        InvoicePaid(s, o, now);
                    }
                }, now, cancellationToken);
            case "invoice.payment_failed":
                return await WithSubscriptionAsync(e, InvoiceSubscription(o), o.Str("customer"), InvoicePrice(o), s =>
                {
                    // A failure older than the payment that settled it is stale: it must not start a grace period.
                    if (s.GrantsAccess && s.TryApplyEventAt(e.Created))
                    {
                        s.RecordPaymentFailure(e.Created);
                    }
                }, now, cancellationToken);
            case "charge.refunded" when o.Bool("refunded") != true:
                return StripeEffect.Ignored("a partial refund leaves the purchase standing");
            case "charge.refunded":
                // By the payment it refunds, or by our metadata on the charge when it arrives before the checkout's completion.
                var paymentIntent = o.Str("payment_intent");
                var ourId = OurId(o);
                return await EndAllAsync(
                    paymentIntent is null && ourId is null ? null
                        : db.TelegramSubscriptions.Where(s => (paymentIntent != null && s.StripePaymentIntentId == paymentIntent) || s.Id == ourId),
                    CancellationReason.Refunded, e.Created, now, "a refund of no payment PromoStack recorded", cancellationToken);
            case "customer.deleted":
                return await EndAllAsync(
                    o.Str("id") is { } customer ? db.TelegramSubscriptions.Where(s => s.StripeCustomerId == customer) : null,
                    CancellationReason.Deleted, e.Created, now, "no subscription of this customer", cancellationToken);
            default:
                return StripeEffect.Applied;
        }
    }

    /// <summary>
    /// A checkout event applied to the subscription the checkout was made for, and to no other. A subscription our
    /// metadata names but that does not exist (the app died between making the Checkout Session and committing the
    /// pending row) is made from the metadata: the payment is ours and must not be lost.
    /// </summary>
    private async Task<StripeEffect> WithCheckoutAsync(JsonElement o, DateTimeOffset now, Func<TelegramSubscription, StripeEffect> apply, CancellationToken cancellationToken)
    {
        if (OurId(o) is not { } id)
        {
            return StripeEffect.Ignored("a checkout PromoStack did not create: " + NotOurs);
        }

        var sessionId = o.Str("id");
        var (customer, stripeSubscription) = (o.Str("customer"), o.Str("subscription"));
        var subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null && stripeSubscription is not null)
        {
            subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.StripeSubscriptionId == stripeSubscription, cancellationToken);
        }

        if (subscription is null)
        {
            subscription = TelegramSubscription.BeginCheckout(tenant.RequiredTenantId, Plan(o.Str("metadata", "plan"), o.Str("mode")), null, now);
            db.TelegramSubscriptions.Add(subscription);
        }

        if ((sessionId is not null && subscription.StripeCheckoutSessionId is { } own && own != sessionId) || subscription.ConflictsWithStripe(customer, stripeSubscription))
        {
            return StripeEffect.Ignored($"subscription {id} belongs to another checkout or Stripe subscription");
        }

        if (sessionId is not null)
        {
            subscription.RecordCheckoutSession(sessionId);
        }

        subscription.LinkStripe(customer, stripeSubscription);
        subscription.RecordPayment(o.Str("customer_details", "email") ?? o.Str("customer_email"), o.Str("payment_intent"));
        if (subscription.TelegramUserId is null && long.TryParse(o.Str("metadata", "telegram_user_id"), out var telegramUserId))
        {
            var wasFreeLead = await FreeLeads.UserIds(db).ContainsAsync(telegramUserId, cancellationToken);
            subscription.LinkTelegramUser(telegramUserId, NullIfEmpty(o.Str("metadata", "telegram_username")), wasFreeLead);
        }

        var effect = apply(subscription);
        await ClaimEmailAsync(subscription, cancellationToken);
        return effect;
    }

    /// <summary>A one-time payment (lifetime) is complete when paid; a subscription's access follows its own events.</summary>
    private static StripeEffect CheckoutPaid(TelegramSubscription s, JsonElement o, DateTimeOffset eventAt, DateTimeOffset now)
    {
        if (o.Str("mode") == "payment" && o.Str("payment_status") == "paid" && !s.GrantsAccess && s.TryApplyEventAt(eventAt))
        {
            s.Activate(null, now);
        }

        return StripeEffect.Applied;
    }

    private static void SubscriptionChanged(TelegramSubscription s, JsonElement o, DateTimeOffset eventAt, DateTimeOffset now) =>
        s.ApplyStripeStatus(
            SubscriptionStatusOf(o.Str("status")), o.Time("current_period_end") ?? o.Time("items", "data", "0", "current_period_end"), o.Bool("cancel_at_period_end"),
            eventAt, now);

    private static StripeSubscriptionStatus SubscriptionStatusOf(string? status) => status switch
    {
        "incomplete" => StripeSubscriptionStatus.Incomplete,
        "incomplete_expired" => StripeSubscriptionStatus.IncompleteExpired,
        "trialing" => StripeSubscriptionStatus.Trialing,
        "active" => StripeSubscriptionStatus.Active,
        "past_due" => StripeSubscriptionStatus.PastDue,
        "canceled" => StripeSubscriptionStatus.Canceled,
        "unpaid" => StripeSubscriptionStatus.Unpaid,
        "paused" => StripeSubscriptionStatus.Paused,
        _ => StripeSubscriptionStatus.Unknown,
    };

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

    /// <summary>
    /// The subscription a Stripe subscription or invoice event is about: by its Stripe id; else the one our metadata
    /// names (linked to it now); else, for one of the tenant's VIP prices, a new one (made in Stripe by hand) — or, for
    /// an invoice, a 503 until the subscription's own event has made it.
    /// </summary>
    private async Task<StripeEffect> WithSubscriptionAsync(
        StripeEventEnvelope e, string? stripeSubscriptionId, string? customerId, string? priceId, Action<TelegramSubscription> apply, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var subscription = stripeSubscriptionId is null
            ? null
            : await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.StripeSubscriptionId == stripeSubscriptionId, cancellationToken);
        if (subscription is null && OurId(e.Object, SubscriptionMetadataPaths) is { } id)
        {
            // Our checkout put the subscription's id in the metadata Stripe copies onto the subscription and its invoices.
            subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (subscription is null && IsSubscriptionEvent(e) && customerId is not null && stripeSubscriptionId is not null)
            {
                // The pending row was lost (the app died before committing it): the sale is ours, so it is made again.
                subscription = TelegramSubscription.BeginCheckout(tenant.RequiredTenantId, Plan(e.Object.Str("metadata", "plan"), "subscription"), null, now);
                db.TelegramSubscriptions.Add(subscription);
            }

            if (subscription is null)
            {
                return StripeEffect.NotYet;
            }

            if (subscription.ConflictsWithStripe(customerId, stripeSubscriptionId))
            {
                return StripeEffect.Ignored($"subscription {id} belongs to another Stripe subscription");
            }

            subscription.LinkStripe(customerId, stripeSubscriptionId);
        }

        if (subscription is null)
        {
            var plan = await VipPlanAsync(priceId, cancellationToken);
            if (plan is null)
            {
                return StripeEffect.Ignored("a subscription PromoStack did not sell: " + NotOurs);
            }

            if (e.Type is "customer.subscription.deleted" or "invoice.payment_failed")
            {
                return StripeEffect.Ignored("a subscription PromoStack does not know");
            }

            if (!IsSubscriptionEvent(e) || customerId is null || stripeSubscriptionId is null)
            {
                // A VIP price's invoice before its subscription's event: that event makes it; Stripe retries this one.
                return StripeEffect.NotYet;
            }

            subscription = TelegramSubscription.FromStripe(tenant.RequiredTenantId, plan.Value, customerId, stripeSubscriptionId, now);
            db.TelegramSubscriptions.Add(subscription);
        }

        apply(subscription);
        await ClaimEmailAsync(subscription, cancellationToken);
        return StripeEffect.Applied;
    }

    private async Task<StripeEffect> EndAllAsync(
        IQueryable<TelegramSubscription>? rows, CancellationReason reason, DateTimeOffset eventAt, DateTimeOffset now, string noneReason, CancellationToken cancellationToken)
    {
        var subscriptions = rows is null ? [] : await rows.ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            End(subscription, reason, eventAt, now);
        }

        return subscriptions.Count == 0 ? StripeEffect.Ignored(noneReason) : StripeEffect.Applied;
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

    /// <summary>
    /// A paid subscription takes its payer's email as the subscriber's when no other subscription of the tenant holds
    /// it; otherwise the email stays with its holder and this one keeps it as its payer's only (see ADR 0007).
    /// </summary>
    private async Task ClaimEmailAsync(TelegramSubscription subscription, CancellationToken cancellationToken)
    {
        // This one holds no email yet, so any holder is another: one lookup on the unique (tenant_id, email) key.
        if (subscription is { GrantsAccess: true, Email: null, PayerEmail: { } payerEmail }
            && !await db.TelegramSubscriptions.AnyAsync(s => s.Email == payerEmail, cancellationToken))
        {
            subscription.ClaimPayerEmail();
        }
    }

    private static readonly string[][] CheckoutMetadataPaths = [["metadata"]];

    /// <summary>
    /// Where our metadata is: on the subscription; on an invoice under <c>parent.subscription_details</c> (current
    /// versions), <c>subscription_details</c> (2022–2024) or its subscription line (2020-08-27).
    /// </summary>
    private static readonly string[][] SubscriptionMetadataPaths =
        [["metadata"], ["parent", "subscription_details", "metadata"], ["subscription_details", "metadata"], ["lines", "data", "0", "metadata"]];

    /// <summary>Our subscription id, when the object carries it together with this tenant's id.</summary>
    private int? OurId(JsonElement o, string[][]? paths = null)
    {
        foreach (var path in paths ?? CheckoutMetadataPaths)
        {
            if (o.Str([.. path, "tenant_id"]) == tenant.RequiredTenantId && int.TryParse(o.Str([.. path, "subscription_id"]), out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The plan a price is for, when it is one of the tenant's configured VIP prices.</summary>
    private async Task<PlanType?> VipPlanAsync(string? priceId, CancellationToken cancellationToken)
    {
        if (priceId is null)
        {
            return null;
        }

        _settings ??= await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return _settings is null ? null
            : priceId == _settings.VipPriceId ? PlanType.Monthly
            : priceId == _settings.AnnualPriceId ? PlanType.Annual
            : null;
    }

    private static string? SubscriptionPrice(JsonElement subscription) =>
        subscription.Str("items", "data", "0", "price", "id") ?? subscription.Str("items", "data", "0", "plan", "id") ?? subscription.Str("plan", "id");

    private static string? InvoicePrice(JsonElement invoice) =>
        invoice.Str("lines", "data", "0", "price", "id") ?? invoice.Str("lines", "data", "0", "pricing", "price_details", "price")
        ?? invoice.Str("lines", "data", "0", "plan", "id");

    private static string? InvoiceSubscription(JsonElement invoice) =>
        invoice.Str("subscription") ?? invoice.Str("parent", "subscription_details", "subscription");

    private static bool IsSubscriptionEvent(StripeEventEnvelope e) => e.Type.StartsWith("customer.subscription.", StringComparison.Ordinal);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static PlanType Plan(string? plan, string? mode) => plan switch
    {
        "annual" => PlanType.Annual,
        "lifetime" => PlanType.Lifetime,
        "monthly" => PlanType.Monthly,
        _ => mode == "payment" ? PlanType.Lifetime : PlanType.Monthly,
    };
}

/// <summary>What an event did: applied, ignored for a reason (recorded in the ledger), or not applicable yet (Stripe retries).</summary>
internal readonly record struct StripeEffect(bool Applicable, string? IgnoredBecause)
{
    public static readonly StripeEffect Applied = new(true, null);

    /// <summary>It needs a subscription of ours that is not known yet: 503, and Stripe delivers it again.</summary>
    public static readonly StripeEffect NotYet = new(false, null);

    public static StripeEffect Ignored(string reason) => new(true, reason);
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
