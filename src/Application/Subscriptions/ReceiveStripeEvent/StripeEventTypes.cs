namespace PromoStack.Application.Subscriptions;

/// <summary>The Stripe event types PromoStack acts on: what a tenant selects for its webhook endpoint in Stripe.</summary>
public static class StripeEventTypes
{
    public static IReadOnlyList<string> Handled { get; } =
    [
        "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired",
        "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed", "charge.refunded", "customer.deleted",
    ];
}
