using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A verified Stripe event, with only the fields <see cref="StripeEventEffects"/> uses, already read where the event's
/// API version puts them (absent fields are null). <paramref name="ApiVersion"/> is the endpoint's, as Stripe sent it:
/// every version is accepted.
/// </summary>
public abstract record StripeEvent(string Id, string Type, DateTimeOffset Created, string? ApiVersion);

/// <summary>A type nothing here applies (<c>customer.created</c>, <c>invoice.payment_succeeded</c>, …): acknowledged, not recorded.</summary>
public sealed record UnhandledStripeEvent(string Id, string Type, DateTimeOffset Created, string? ApiVersion) : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary>A <c>checkout.session.*</c> event: the session it is about.</summary>
public abstract record CheckoutEvent(string Id, string Type, DateTimeOffset Created, string? ApiVersion, CheckoutSession Session)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary><c>checkout.session.completed</c>: paid, or (a delayed payment method) still waiting for its payment.</summary>
public sealed record CheckoutCompleted(string Id, string Type, DateTimeOffset Created, string? ApiVersion, CheckoutSession Session)
    : CheckoutEvent(Id, Type, Created, ApiVersion, Session);

/// <summary><c>checkout.session.async_payment_succeeded</c>: a delayed payment came in.</summary>
public sealed record CheckoutAsyncPaymentSucceeded(string Id, string Type, DateTimeOffset Created, string? ApiVersion, CheckoutSession Session)
    : CheckoutEvent(Id, Type, Created, ApiVersion, Session);

/// <summary><c>checkout.session.async_payment_failed</c>: a delayed payment failed.</summary>
public sealed record CheckoutAsyncPaymentFailed(string Id, string Type, DateTimeOffset Created, string? ApiVersion, CheckoutSession Session)
    : CheckoutEvent(Id, Type, Created, ApiVersion, Session);

/// <summary><c>checkout.session.expired</c>: nobody paid in time.</summary>
public sealed record CheckoutExpired(string Id, string Type, DateTimeOffset Created, string? ApiVersion, CheckoutSession Session)
    : CheckoutEvent(Id, Type, Created, ApiVersion, Session);

/// <summary>
/// A Checkout Session: <paramref name="OneTimePayment"/> for payment mode (not a subscription), <paramref name="Paid"/>
/// when its payment status is paid, the payer's email as Stripe reports it.
/// </summary>
public sealed record CheckoutSession(
    string? SessionId, string? CustomerId, string? StripeSubscriptionId, bool OneTimePayment, bool Paid, string? PayerEmail, string? PaymentIntentId,
    CheckoutMetadata Metadata);

/// <summary><c>customer.subscription.created</c> or <c>.updated</c>: the Stripe subscription's state now.</summary>
public sealed record SubscriptionChanged(
    string Id, string Type, DateTimeOffset Created, string? ApiVersion, string? StripeSubscriptionId, string? CustomerId, string? PriceId,
    StripeSubscriptionStatus Status, DateTimeOffset? PeriodEnd, bool? CancelAtPeriodEnd, CheckoutMetadata Metadata)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary><c>customer.subscription.deleted</c>: the Stripe subscription ended.</summary>
public sealed record SubscriptionDeleted(
    string Id, string Type, DateTimeOffset Created, string? ApiVersion, string? StripeSubscriptionId, string? CustomerId, CheckoutMetadata Metadata)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary>
/// <c>invoice.paid</c>: <paramref name="PeriodEnd"/> is the end of the period its first line pays for;
/// <paramref name="StripeSubscriptionId"/> is null for a one-off invoice. <paramref name="Metadata"/>: see
/// <see cref="InvoicePaymentFailed"/>.
/// </summary>
public sealed record InvoicePaid(
    string Id, string Type, DateTimeOffset Created, string? ApiVersion, string? StripeSubscriptionId, string? CustomerId, string? PriceId,
    IReadOnlyList<CheckoutMetadata> Metadata, string? CustomerEmail, string? PaymentIntentId, DateTimeOffset? PeriodEnd)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary>
/// <c>invoice.payment_failed</c>; <paramref name="StripeSubscriptionId"/> is null for a one-off invoice.
/// <paramref name="Metadata"/>: every place an invoice may carry its subscription's metadata, in the order they are
/// tried (the invoice's own, then where the API version copies the subscription's).
/// </summary>
public sealed record InvoicePaymentFailed(
    string Id, string Type, DateTimeOffset Created, string? ApiVersion, string? StripeSubscriptionId, string? CustomerId, string? PriceId,
    IReadOnlyList<CheckoutMetadata> Metadata)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary><c>charge.refunded</c>: <paramref name="FullyRefunded"/> unless only part of the charge was refunded.</summary>
public sealed record ChargeRefunded(
    string Id, string Type, DateTimeOffset Created, string? ApiVersion, bool FullyRefunded, string? PaymentIntentId, CheckoutMetadata Metadata)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary><c>customer.deleted</c>.</summary>
public sealed record CustomerDeleted(string Id, string Type, DateTimeOffset Created, string? ApiVersion, string? CustomerId)
    : StripeEvent(Id, Type, Created, ApiVersion);

/// <summary>
/// The metadata our checkouts write on a session, on the Stripe subscription it makes and (copied by Stripe) on its
/// invoices and charges: the tenant, our subscription's id (not Stripe's), its plan and the paying Telegram user. Only
/// the tenant's secret key can write it; it names a sale of ours only together with this tenant's id.
/// </summary>
public sealed record CheckoutMetadata(string? TenantId, int? SubscriptionId, string? Plan, long? TelegramUserId, string? TelegramUsername);
