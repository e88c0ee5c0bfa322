namespace PromoStack.Domain.Subscriptions;

/// <summary>
/// The status Stripe gives a subscription it bills (<c>incomplete</c>, <c>incomplete_expired</c>, <c>trialing</c>,
/// <c>active</c>, <c>past_due</c>, <c>canceled</c>, <c>unpaid</c>, <c>paused</c>); what each means for VIP access is
/// <see cref="TelegramSubscription.ApplyStripeStatus"/>.
/// </summary>
public enum StripeSubscriptionStatus
{
    /// <summary>None, or one Stripe added after this code was written: it changes nothing.</summary>
    Unknown,
    Incomplete,
    IncompleteExpired,
    Trialing,
    Active,
    PastDue,
    Canceled,
    Unpaid,
    Paused,
}
