using PromoStack.Domain.Common;

namespace PromoStack.Domain.Subscriptions;

/// <summary>
/// Stored as <c>pending</c> (checkout started, unpaid), <c>active</c> (has access; a failed payment keeps it active with
/// a past-due time until the grace period ends), <c>cancelled</c> (access ended by cancellation, revocation, refund or
/// deletion), <c>expired</c> (its term ran out, or payment failed beyond the grace period).
/// </summary>
public enum SubscriptionStatus
{
    Pending,
    Active,
    Cancelled,
    Expired,
}

/// <summary>Stored as <c>monthly</c>, <c>annual</c>, <c>lifetime</c>.</summary>
public enum PlanType
{
    Monthly,
    Annual,
    Lifetime,
}

/// <summary>Stored as <c>user</c>, <c>revoked</c>, <c>refunded</c>, <c>deleted</c>.</summary>
public enum CancellationReason
{
    User,
    Revoked,
    Refunded,
    Deleted,
}

/// <summary>
/// VIP access bought through Stripe (or granted by hand). Only an active subscription grants the VIP channel. It
/// renews with Stripe (monthly, annual) or runs for a fixed term (a grant with an end date); lifetime never ends.
/// Changes from Stripe carry their event time: an event older than the last one applied changes nothing.
/// </summary>
public sealed class TelegramSubscription : AggregateRoot, ITenantOwned
{
    public static readonly StateMachine<SubscriptionStatus> Transitions = new("Subscription",
    [
        (SubscriptionStatus.Pending, [SubscriptionStatus.Active, SubscriptionStatus.Expired]),
        (SubscriptionStatus.Active, [SubscriptionStatus.Cancelled, SubscriptionStatus.Expired]),
        (SubscriptionStatus.Cancelled, [SubscriptionStatus.Active]),
        (SubscriptionStatus.Expired, [SubscriptionStatus.Active]),
    ]);

    /// <summary>How long before the end of a non-renewing term its subscriber is reminded.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromDays(3);

    private TelegramSubscription(string tenantId, string? email, PlanType planType, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Email = email;
        PlanType = planType;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    /// <summary>
    /// The subscriber's email, unique in the tenant: given by an admin's grant, or claimed from <see cref="PayerEmail"/>
    /// once paid when no other subscription of the tenant holds it. Never a key to find a purchase by.
    /// </summary>
    public string? Email { get; private set; }

    /// <summary>The email the payer gave (typed into the web checkout, then as Stripe reports it); any number of rows may share it.</summary>
    public string? PayerEmail { get; private set; }

    /// <summary>The Checkout Session made for this subscription; a completion is applied to this row only.</summary>
    public string? StripeCheckoutSessionId { get; private set; }

    /// <summary>The payment a refund must name to end this subscription: a one-time purchase, or the latest paid invoice's.</summary>
    public string? StripePaymentIntentId { get; private set; }

    /// <summary>Why a pending checkout is not paid yet (a delayed payment method failed); cleared by the activation.</summary>
    public string? PaymentFailureReason { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string? StripeSubscriptionId { get; private set; }
    public PlanType PlanType { get; private set; }
    public long? TelegramUserId { get; private set; }
    public string? TelegramUsername { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public bool IsConverted { get; private set; }
    public CancellationReason? CancelReason { get; private set; }
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }

    /// <summary>Renews by itself at the period end (a Stripe subscription); false for a fixed term or lifetime.</summary>
    public bool Renews { get; private set; }

    /// <summary>Cancelled at the period end: active (with access) until then.</summary>
    public bool CancelAtPeriodEnd { get; private set; }

    /// <summary>Since when a payment is overdue; access is kept until the grace period after it ends.</summary>
    public DateTimeOffset? PastDueSince { get; private set; }

    /// <summary>The time of the last Stripe event applied; an older one changes nothing.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    public DateTimeOffset? RenewalReminderSentAt { get; private set; }

    /// <summary>SHA-256 (hex) of the single-use deep-link token that links a web payer to Telegram; never the token.</summary>
    public string? LinkTokenHash { get; private set; }

    public DateTimeOffset? LinkTokenExpiresAt { get; private set; }

    /// <summary>When it first became active (was paid for); a Telegram user with such a subscription is no free lead.</summary>
    public DateTimeOffset? FirstPaidAt { get; private set; }

    /// <summary>When its access last ended (cancelled or expired after being active): the churn date; cleared by a reactivation.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Sample data the demo seeds (<c>is_demo</c>): listed like the rest so every screen has something to show, but never
    /// counted in the tenant's real figures, nor in the audience of a broadcast or campaign.
    /// </summary>
    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;

    public bool GrantsAccess => Status == SubscriptionStatus.Active;

    /// <summary>A subscription an admin grants to <paramref name="email"/> (which it holds from then on).</summary>
    public static TelegramSubscription Begin(string tenantId, string email, PlanType plan, DateTimeOffset now) =>
        new(tenantId, NormalEmail(email), plan, now);

    /// <summary>
    /// The pending subscription a checkout is made for, before the Checkout Session exists: the session carries its id,
    /// and the payment is applied to it alone. It holds no <see cref="Email"/> until paid.
    /// </summary>
    public static TelegramSubscription BeginCheckout(string tenantId, PlanType plan, string? payerEmail, DateTimeOffset now) =>
        new(tenantId, null, plan, now) { PayerEmail = payerEmail is null ? null : NormalEmail(payerEmail) };

    /// <summary>A VIP subscription made in Stripe without a checkout of ours (by an admin, for a VIP price): known by its Stripe ids.</summary>
    public static TelegramSubscription FromStripe(string tenantId, PlanType plan, string customerId, string subscriptionId, DateTimeOffset now)
    {
        var subscription = new TelegramSubscription(tenantId, null, plan, now);
        subscription.LinkStripe(customerId, subscriptionId);
        return subscription;
    }

    /// <summary>The Checkout Session made for this pending subscription.</summary>
    public void RecordCheckoutSession(string sessionId)
    {
        if (StripeCheckoutSessionId is { } existing && existing != sessionId)
        {
            throw new DomainException("This subscription already has its checkout.");
        }

        StripeCheckoutSessionId = Guard.NotBlank(sessionId, "Checkout session", 255);
    }

    /// <summary>What Stripe reports of the payer: their email, and the payment a refund would name.</summary>
    public void RecordPayment(string? payerEmail, string? paymentIntentId)
    {
        PayerEmail = payerEmail is null ? PayerEmail : NormalEmail(payerEmail);
        StripePaymentIntentId = paymentIntentId ?? StripePaymentIntentId;
    }

    /// <summary>
    /// Takes <see cref="PayerEmail"/> as the subscriber's email: the caller has checked that no other subscription of the
    /// tenant holds it (the unique key refuses a race).
    /// </summary>
    public void ClaimPayerEmail()
    {
        if (Email is null && PayerEmail is not null)
        {
            Email = PayerEmail;
        }
    }

    /// <summary>A delayed payment method (a bank debit) failed: the checkout stays pending, with the reason.</summary>
    public void RecordCheckoutPaymentFailure(string reason, DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Pending)
        {
            throw new DomainException($"Only a pending checkout can fail its payment (it is {Status}).");
        }

        PaymentFailureReason = Guard.NotBlank(reason, "Reason", 500);
        UpdatedAt = now;
    }

    private static string NormalEmail(string email) => Guard.NotBlank(email, "Email", 320).Trim().ToLowerInvariant();

    /// <summary>
    /// A new purchase for a subscription without access may be another plan (a former monthly subscriber buying
    /// lifetime); an active subscription keeps its plan until it ends.
    /// </summary>
    public void ChangePlan(PlanType plan, DateTimeOffset now)
    {
        if (plan == PlanType)
        {
            return;
        }

        if (GrantsAccess)
        {
            throw new DomainException($"An active {PlanType} subscription cannot become {plan}; it has to end first.");
        }

        PlanType = plan;
        UpdatedAt = now;
    }

    /// <summary>Whether linking these Stripe ids would take ids this subscription already has to other ones.</summary>
    public bool ConflictsWithStripe(string? customerId, string? subscriptionId) =>
        (customerId is not null && StripeCustomerId is not null && customerId != StripeCustomerId)
        || (subscriptionId is not null && StripeSubscriptionId is not null && subscriptionId != StripeSubscriptionId);

    /// <summary>Records its Stripe customer and subscription. Once set, an id never changes: it belongs to this purchase.</summary>
    public void LinkStripe(string? customerId, string? subscriptionId)
    {
        if (ConflictsWithStripe(customerId, subscriptionId))
        {
            throw new DomainException("This subscription is already linked to another Stripe customer or subscription.");
        }

        StripeCustomerId = customerId ?? StripeCustomerId;
        StripeSubscriptionId = subscriptionId ?? StripeSubscriptionId;
    }

    /// <summary>Links the paying Telegram user. Once linked, a subscription never changes hands.</summary>
    public void LinkTelegramUser(long telegramUserId, string? username, bool wasFreeLead)
    {
        if (TelegramUserId is { } existing && existing != telegramUserId)
        {
            throw new DomainException("This subscription is already linked to another Telegram user.");
        }

        TelegramUserId = telegramUserId;
        TelegramUsername = username;
        IsConverted |= wasFreeLead;
    }

    /// <summary>Replaces the deep-link token (a new checkout makes the old link useless).</summary>
    public void IssueLinkToken(string tokenHash, DateTimeOffset expiresAt)
    {
        LinkTokenHash = Guard.NotBlank(tokenHash, "Link token", 64);
        LinkTokenExpiresAt = expiresAt;
    }

    /// <summary>The deep link was used: it links this Telegram user and never works again.</summary>
    public void ConsumeLinkToken(long telegramUserId, string? username, bool wasFreeLead, DateTimeOffset now)
    {
        if (LinkTokenHash is null || LinkTokenExpiresAt <= now)
        {
            throw new DomainException("This link has expired or was already used.");
        }

        LinkTelegramUser(telegramUserId, username, wasFreeLead);
        LinkTokenHash = null;
        LinkTokenExpiresAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether a Stripe event of <paramref name="eventAt"/> may still change this subscription (it is not older than
    /// the last one applied); records it as the latest when so.
    /// </summary>
    public bool TryApplyEventAt(DateTimeOffset eventAt)
    {
        if (eventAt < LastEventAt)
        {
            return false;
        }

        LastEventAt = eventAt;
        return true;
    }

    /// <summary>
    /// Stripe's status of the subscription it bills, from an event of <paramref name="eventAt"/> (one older than the
    /// last applied changes nothing): active or trialing gives access until <paramref name="periodEnd"/> (an activation,
    /// or a renewal when the period is later) and follows Stripe's cancellation at the period end; past due or unpaid
    /// keeps access as past due from the event (see <see cref="Sweep"/>); canceled ends access; an incomplete checkout
    /// that expired expires. Incomplete (waiting for its first payment), paused and unknown statuses change nothing.
    /// </summary>
    public void ApplyStripeStatus(StripeSubscriptionStatus status, DateTimeOffset? periodEnd, bool? cancelAtPeriodEnd, DateTimeOffset eventAt, DateTimeOffset now)
    {
        if (!TryApplyEventAt(eventAt))
        {
            return;
        }

        switch (status)
        {
            case StripeSubscriptionStatus.Active or StripeSubscriptionStatus.Trialing:
                if (!GrantsAccess)
                {
                    Activate(periodEnd, now);
                }
                else if (periodEnd > CurrentPeriodEnd)
                {
                    Renew(periodEnd.Value, now);
                }

                if (cancelAtPeriodEnd is { } cancel && cancel != CancelAtPeriodEnd && CurrentPeriodEnd is not null)
                {
                    SetCancelAtPeriodEnd(cancel, now);
                }

                break;
            case StripeSubscriptionStatus.PastDue or StripeSubscriptionStatus.Unpaid when GrantsAccess:
                RecordPaymentFailure(eventAt);
                break;
            case StripeSubscriptionStatus.Canceled when GrantsAccess:
                Cancel(CancellationReason.User, now);
                break;
            case StripeSubscriptionStatus.IncompleteExpired when Status == SubscriptionStatus.Pending:
                Expire(now);
                break;
        }
    }

    /// <summary>
    /// Payment received for a subscription without access: the first activation, or a resubscription after a
    /// cancellation or expiry. Raises <see cref="SubscriptionActivated"/>.
    /// </summary>
    public void Activate(DateTimeOffset? periodEnd, DateTimeOffset now, bool renews = true)
    {
        if (PlanType != PlanType.Lifetime && periodEnd is null)
        {
            throw new DomainException($"A {PlanType} subscription needs the end of its period.");
        }

        Move(SubscriptionStatus.Active, now);
        FirstPaidAt ??= now;
        PaymentFailureReason = null;
        CurrentPeriodEnd = PlanType == PlanType.Lifetime ? null : periodEnd;
        Renews = PlanType != PlanType.Lifetime && renews;
        CancelReason = null;
        CancelAtPeriodEnd = false;
        PastDueSince = null;
        RenewalReminderSentAt = null;
        var (userId, plan) = (TelegramUserId, PlanType);
        Raise(() => new SubscriptionActivated(TenantId, Id, userId, plan));
    }

    /// <summary>A paid renewal (also one that settles an overdue payment): extends the period. Raises <see cref="SubscriptionRenewed"/>.</summary>
    public void Renew(DateTimeOffset periodEnd, DateTimeOffset now)
    {
        RequireActive("renewed");
        CurrentPeriodEnd = periodEnd;
        PastDueSince = null;
        RenewalReminderSentAt = null;
        UpdatedAt = now;
        var (userId, plan) = (TelegramUserId, PlanType);
        Raise(() => new SubscriptionRenewed(TenantId, Id, userId, plan));
    }

    /// <summary>A payment failed: access stays until the grace period after this ends (see <see cref="Sweep"/>).</summary>
    public void RecordPaymentFailure(DateTimeOffset now)
    {
        RequireActive("past due");
        PastDueSince ??= now;
        UpdatedAt = now;
    }

    /// <summary>Cancel at the period end (true) or keep renewing (false); access is unchanged until then.</summary>
    public void SetCancelAtPeriodEnd(bool cancel, DateTimeOffset now)
    {
        RequireActive(cancel ? "cancelled at the period end" : "kept renewing");
        if (cancel && (PlanType == PlanType.Lifetime || CurrentPeriodEnd is null))
        {
            throw new DomainException("A subscription without a period end cannot be cancelled at its end; cancel it now.");
        }

        CancelAtPeriodEnd = cancel;
        UpdatedAt = now;
    }

    public void Cancel(CancellationReason reason, DateTimeOffset now)
    {
        Move(SubscriptionStatus.Cancelled, now);
        CancelReason = reason;
        CancelAtPeriodEnd = false;
        PastDueSince = null;
        var (userId, plan) = (TelegramUserId, PlanType);
        Raise(() => new SubscriptionCancelled(TenantId, Id, userId, plan, reason));
    }

    public void Expire(DateTimeOffset now)
    {
        var hadAccess = GrantsAccess;
        Move(SubscriptionStatus.Expired, now);
        CancelAtPeriodEnd = false;
        if (hadAccess)
        {
            var (userId, plan) = (TelegramUserId, PlanType);
            Raise(() => new SubscriptionExpired(TenantId, Id, userId, plan));
        }
    }

    /// <summary>
    /// The rules for when no webhook came: a cancellation at the period end takes effect; a renewing plan past its end
    /// with no renewal seen becomes past due from that end (so a late renewal never costs a paying subscriber access),
    /// then expires after <paramref name="grace"/>; a fixed term past its end expires; lifetime never ends.
    /// </summary>
    public void Sweep(DateTimeOffset now, TimeSpan grace)
    {
        if (Status != SubscriptionStatus.Active || PlanType == PlanType.Lifetime)
        {
            return;
        }

        if (CurrentPeriodEnd is { } end && end <= now)
        {
            if (CancelAtPeriodEnd)
            {
                Cancel(CancellationReason.User, now);
                return;
            }

            if (!Renews)
            {
                Expire(now);
                return;
            }

            PastDueSince ??= end;
            UpdatedAt = now;
        }

        if (PastDueSince is { } since && now - since >= grace)
        {
            Expire(now);
        }
    }

    /// <summary>A non-renewing term ends within <see cref="ReminderLead"/> and its subscriber was not reminded yet.</summary>
    public bool NeedsRenewalReminder(DateTimeOffset now) =>
        Status == SubscriptionStatus.Active && !Renews && CurrentPeriodEnd is { } end && end > now && end - now <= ReminderLead
        && RenewalReminderSentAt is null;

    public void MarkRenewalReminderSent(DateTimeOffset now) => RenewalReminderSentAt = now;

    private void RequireActive(string what)
    {
        if (Status != SubscriptionStatus.Active)
        {
            throw new DomainException($"Only an active subscription can be {what} (it is {Status}).");
        }
    }

    private void Move(SubscriptionStatus to, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, to);
        if (to == SubscriptionStatus.Active)
        {
            EndedAt = null;
        }
        else if (Status == SubscriptionStatus.Active)
        {
            EndedAt = now;
        }

        Status = to;
        UpdatedAt = now;
    }
}
