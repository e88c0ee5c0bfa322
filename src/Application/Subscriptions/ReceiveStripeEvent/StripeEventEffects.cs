using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
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
/// account (a Payment Link for an e-book, another product) is acknowledged and ignored with the reason. The events
/// arrive typed, their fields read where each API version puts them by Infrastructure; what Stripe's subscription
/// status means is <see cref="TelegramSubscription.ApplyStripeStatus"/>. An event older than the last one applied to a
/// subscription changes nothing, except the final ones (deletion, full refund, deleted customer), which end access
/// whenever they arrive. Stripe ids, once on a subscription, never move to another.
/// </summary>
internal sealed class StripeEventEffects(IAppDbContext db, ITenantContext tenant)
{
    private const string NotOurs = "not a PromoStack sale: no PromoStack metadata for this tenant and no VIP price of its";

    private TenantStripeSettings? _settings;

    /// <summary>Applies an event of a type handled here; an <see cref="UnhandledStripeEvent"/> is the caller's to acknowledge.</summary>
    public async Task<StripeEffect> ApplyAsync(StripeEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case CheckoutEvent { Session: var session } and (CheckoutCompleted or CheckoutAsyncPaymentSucceeded):
                return await WithCheckoutAsync(session, now, s => CheckoutPaid(s, session, e.Created, now), cancellationToken);
            case CheckoutAsyncPaymentFailed failed:
                return await WithCheckoutAsync(failed.Session, now, s =>
                {
                    if (s.Status != SubscriptionStatus.Pending)
                    {
                        return StripeEffect.Ignored($"the subscription is {s.Status.ToString().ToLowerInvariant()}, not waiting for this payment");
                    }

                    s.RecordCheckoutPaymentFailure("The delayed payment failed; the checkout is not paid.", now);
                    return StripeEffect.Applied;
                }, cancellationToken);
            case CheckoutExpired expired:
                return await WithCheckoutAsync(expired.Session, now, s =>
                {
                    if (s.Status != SubscriptionStatus.Pending)
                    {
                        return StripeEffect.Ignored($"the subscription is {s.Status.ToString().ToLowerInvariant()}, not an open checkout");
                    }

                    s.Expire(now);
                    return StripeEffect.Applied;
                }, cancellationToken);
            case SubscriptionChanged changed:
                return await WithSubscriptionAsync(
                    e, changed.StripeSubscriptionId, changed.CustomerId, changed.PriceId, [changed.Metadata],
                    s => s.ApplyStripeStatus(changed.Status, changed.PeriodEnd, changed.CancelAtPeriodEnd, e.Created, now), now, cancellationToken);
            case SubscriptionDeleted deleted:
                return await WithSubscriptionAsync(
                    e, deleted.StripeSubscriptionId, deleted.CustomerId, null, [deleted.Metadata], s => End(s, CancellationReason.User, e.Created, now), now,
                    cancellationToken);
            case InvoicePaid { StripeSubscriptionId: null } or InvoicePaymentFailed { StripeSubscriptionId: null }:
                return StripeEffect.Ignored("a one-off invoice: no subscription's access depends on it");
            case InvoicePaid paid:
                return await WithSubscriptionAsync(e, paid.StripeSubscriptionId, paid.CustomerId, paid.PriceId, paid.Metadata, s =>
                {
                    s.RecordPayment(paid.CustomerEmail, paid.PaymentIntentId);
                    if (s.TryApplyEventAt(e.Created))
                    {
                        PaidThrough(s, paid.PeriodEnd, now);
                    }
                }, now, cancellationToken);
            case InvoicePaymentFailed failed:
                return await WithSubscriptionAsync(e, failed.StripeSubscriptionId, failed.CustomerId, failed.PriceId, failed.Metadata, s =>
                {
                    // A failure older than the payment that settled it is stale: it must not start a grace period.
                    if (s.GrantsAccess && s.TryApplyEventAt(e.Created))
                    {
                        s.RecordPaymentFailure(e.Created);
                    }
                }, now, cancellationToken);
            case ChargeRefunded { FullyRefunded: false }:
                return StripeEffect.Ignored("a partial refund leaves the purchase standing");
            case ChargeRefunded refund:
                // By the payment it refunds, or by our metadata on the charge when it arrives before the checkout's completion.
                var paymentIntent = refund.PaymentIntentId;
                var ourId = Ours(refund.Metadata)?.SubscriptionId;
                return await EndAllAsync(
                    paymentIntent is null && ourId is null ? null
                        : db.TelegramSubscriptions.Where(s => (paymentIntent != null && s.StripePaymentIntentId == paymentIntent) || s.Id == ourId),
                    CancellationReason.Refunded, e.Created, now, "a refund of no payment PromoStack recorded", cancellationToken);
            case CustomerDeleted deleted:
                return await EndAllAsync(
                    deleted.CustomerId is { } customer ? db.TelegramSubscriptions.Where(s => s.StripeCustomerId == customer) : null,
                    CancellationReason.Deleted, e.Created, now, "no subscription of this customer", cancellationToken);
            default:
                throw new ArgumentException($"Stripe {e.Type} is not applied here: the webhook acknowledges it unrecorded.", nameof(e));
        }
    }

    /// <summary>
    /// A checkout event applied to the subscription the checkout was made for, and to no other. A subscription our
    /// metadata names but that does not exist (the app died between making the Checkout Session and committing the
    /// pending row) is made from the metadata: the payment is ours and must not be lost.
    /// </summary>
    private async Task<StripeEffect> WithCheckoutAsync(CheckoutSession session, DateTimeOffset now, Func<TelegramSubscription, StripeEffect> apply, CancellationToken cancellationToken)
    {
        if (Ours(session.Metadata) is not { SubscriptionId: { } id } ours)
        {
            return StripeEffect.Ignored("a checkout PromoStack did not create: " + NotOurs);
        }

        var (sessionId, customer, stripeSubscription) = (session.SessionId, session.CustomerId, session.StripeSubscriptionId);

        // The subscription and whether another holds the payer's email, in one query: what the email's claim needs.
        var payerEmail = session.PayerEmail?.Trim().ToLowerInvariant();
        var found = await db.TelegramSubscriptions.Where(s => s.Id == id)
            .Select(s => new { Subscription = s, PayerEmailHeld = payerEmail != null && db.TelegramSubscriptions.Any(o => o.Email == payerEmail) })
            .SingleOrDefaultAsync(cancellationToken);
        var subscription = found?.Subscription;
        var emailHolder = found is null || payerEmail is null ? (EmailHolder?)null : new EmailHolder(payerEmail, found.PayerEmailHeld);
        if (subscription is null && stripeSubscription is not null)
        {
            subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.StripeSubscriptionId == stripeSubscription, cancellationToken);
        }

        if (subscription is null)
        {
            subscription = TelegramSubscription.BeginCheckout(tenant.RequiredTenantId, Plan(ours.Plan, session.OneTimePayment), null, now);
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
        subscription.RecordPayment(session.PayerEmail, session.PaymentIntentId);
        if (subscription.TelegramUserId is null && ours.TelegramUserId is { } telegramUserId)
        {
            var wasFreeLead = await FreeLeads.UserIds(db).ContainsAsync(telegramUserId, cancellationToken);
            subscription.LinkTelegramUser(telegramUserId, NullIfEmpty(ours.TelegramUsername), wasFreeLead);
        }

        var effect = apply(subscription);
        await ClaimEmailAsync(subscription, emailHolder, cancellationToken);
        return effect;
    }

    /// <summary>A one-time payment (lifetime) is complete when paid; a subscription's access follows its own events.</summary>
    private static StripeEffect CheckoutPaid(TelegramSubscription s, CheckoutSession session, DateTimeOffset eventAt, DateTimeOffset now)
    {
        if (session.OneTimePayment && session.Paid && !s.GrantsAccess && s.TryApplyEventAt(eventAt))
        {
            s.Activate(null, now);
        }

        return StripeEffect.Applied;
    }

    /// <summary>A paid invoice gives access until the end of the period it pays for.</summary>
    private static void PaidThrough(TelegramSubscription s, DateTimeOffset? periodEnd, DateTimeOffset now)
    {
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
        StripeEvent e, string? stripeSubscriptionId, string? customerId, string? priceId, IReadOnlyList<CheckoutMetadata> metadata,
        Action<TelegramSubscription> apply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = stripeSubscriptionId is null
            ? null
            : await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.StripeSubscriptionId == stripeSubscriptionId, cancellationToken);
        if (subscription is null && Ours(metadata) is { SubscriptionId: { } id } ours)
        {
            // Our checkout put the subscription's id in the metadata Stripe copies onto the subscription and its invoices.
            subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (subscription is null && IsSubscriptionEvent(e) && customerId is not null && stripeSubscriptionId is not null)
            {
                // The pending row was lost (the app died before committing it): the sale is ours, so it is made again.
                subscription = TelegramSubscription.BeginCheckout(tenant.RequiredTenantId, Plan(ours.Plan, oneTimePayment: false), null, now);
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

            if (e is SubscriptionDeleted or InvoicePaymentFailed)
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
        await ClaimEmailAsync(subscription, null, cancellationToken);
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
    /// it; otherwise the email stays with its holder and this one keeps it as its payer's only (see ADR 0007). Whether
    /// the email is held may have been read with the subscription (<paramref name="known"/>, in this transaction); for
    /// another email it is looked up here. Either way the unique key refuses a claim that races another.
    /// </summary>
    private async Task ClaimEmailAsync(TelegramSubscription subscription, EmailHolder? known, CancellationToken cancellationToken)
    {
        // This one holds no email yet, so any holder is another: one lookup on the unique (tenant_id, email) key.
        if (subscription is { GrantsAccess: true, Email: null, PayerEmail: { } payerEmail }
            && !(known is { } k && k.Email == payerEmail ? k.Held : await db.TelegramSubscriptions.AnyAsync(s => s.Email == payerEmail, cancellationToken)))
        {
            subscription.ClaimPayerEmail();
        }
    }

    /// <summary>Whether a subscription of the tenant held <paramref name="Email"/> when the event's subscription was read.</summary>
    private readonly record struct EmailHolder(string Email, bool Held);

    /// <summary>Our metadata for this tenant, from the first of <paramref name="candidates"/> that carries it.</summary>
    private CheckoutMetadata? Ours(params IEnumerable<CheckoutMetadata> candidates) =>
        candidates.FirstOrDefault(m => m.TenantId == tenant.RequiredTenantId && m.SubscriptionId is not null);

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

    private static bool IsSubscriptionEvent(StripeEvent e) => e is SubscriptionChanged or SubscriptionDeleted;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static PlanType Plan(string? plan, bool oneTimePayment) => plan switch
    {
        "annual" => PlanType.Annual,
        "lifetime" => PlanType.Lifetime,
        "monthly" => PlanType.Monthly,
        _ => oneTimePayment ? PlanType.Lifetime : PlanType.Monthly,
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
