using System.Text.Json;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// A Stripe event's JSON as the typed <see cref="StripeEvent"/> the features apply, whatever its API version: the
/// envelope is read as plain JSON (Stripe.net's own parsing refuses a version other than its own), and each field where
/// each version puts it — tested with Stripe's 2020-08-27 events and its current shape in <c>tests/TestData/stripe/</c>.
/// </summary>
public static class StripeEventParser
{
    /// <summary>The event, an <see cref="UnhandledStripeEvent"/> for a type nothing applies, or null when the body is no event.</summary>
    public static StripeEvent? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } eventId
                   && root.TryGetProperty("type", out var type) && type.GetString() is { Length: > 0 } eventType
                   && root.TryGetProperty("created", out var created) && created.TryGetInt64(out var seconds)
                   && root.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var obj)
                ? Typed(eventId, eventType, DateTimeOffset.FromUnixTimeSeconds(seconds), root.TryGetProperty("api_version", out var version) ? version.GetString() : null, obj)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static StripeEvent Typed(string id, string type, DateTimeOffset created, string? apiVersion, JsonElement o) => type switch
    {
        "checkout.session.completed" => new CheckoutCompleted(id, type, created, apiVersion, Checkout(o)),
        "checkout.session.async_payment_succeeded" => new CheckoutAsyncPaymentSucceeded(id, type, created, apiVersion, Checkout(o)),
        "checkout.session.async_payment_failed" => new CheckoutAsyncPaymentFailed(id, type, created, apiVersion, Checkout(o)),
        "checkout.session.expired" => new CheckoutExpired(id, type, created, apiVersion, Checkout(o)),
        "customer.subscription.created" or "customer.subscription.updated" => new SubscriptionChanged(
            id, type, created, apiVersion, o.Str("id"), o.Str("customer"), SubscriptionPrice(o), StatusOf(o.Str("status")),
            o.Time("current_period_end") ?? o.Time("items", "data", "0", "current_period_end"), o.Bool("cancel_at_period_end"), Metadata(o, "metadata")),
        "customer.subscription.deleted" => new SubscriptionDeleted(id, type, created, apiVersion, o.Str("id"), o.Str("customer"), Metadata(o, "metadata")),
        "invoice.paid" => new InvoicePaid(
            id, type, created, apiVersion, InvoiceSubscription(o), o.Str("customer"), InvoicePrice(o), InvoiceMetadata(o), o.Str("customer_email"),
            o.Str("payment_intent"), o.Time("lines", "data", "0", "period", "end")),
        "invoice.payment_failed" => new InvoicePaymentFailed(id, type, created, apiVersion, InvoiceSubscription(o), o.Str("customer"), InvoicePrice(o), InvoiceMetadata(o)),
        "charge.refunded" => new ChargeRefunded(id, type, created, apiVersion, o.Bool("refunded") == true, o.Str("payment_intent"), Metadata(o, "metadata")),
        "customer.deleted" => new CustomerDeleted(id, type, created, apiVersion, o.Str("id")),
        _ => new UnhandledStripeEvent(id, type, created, apiVersion),
    };

    private static CheckoutSession Checkout(JsonElement session) => new(
        session.Str("id"), session.Str("customer"), session.Str("subscription"), session.Str("mode") == "payment", session.Str("payment_status") == "paid",
        session.Str("customer_details", "email") ?? session.Str("customer_email"), session.Str("payment_intent"), Metadata(session, "metadata"));

    /// <summary>The metadata at <paramref name="path"/>; our ids are strings there, and are no ids unless they parse.</summary>
    private static CheckoutMetadata Metadata(JsonElement o, params string[] path) => new(
        o.Str([.. path, "tenant_id"]),
        int.TryParse(o.Str([.. path, "subscription_id"]), out var subscriptionId) ? subscriptionId : null,
        o.Str([.. path, "plan"]),
        long.TryParse(o.Str([.. path, "telegram_user_id"]), out var telegramUserId) ? telegramUserId : null,
        o.Str([.. path, "telegram_username"]));

    /// <summary>
    /// Where an invoice carries metadata, in the order tried: its own, then its subscription's under
    /// <c>parent.subscription_details</c> (current versions), <c>subscription_details</c> (2022–2024) or on its
    /// subscription line (2020-08-27).
    /// </summary>
    private static CheckoutMetadata[] InvoiceMetadata(JsonElement invoice) =>
    [
        Metadata(invoice, "metadata"), Metadata(invoice, "parent", "subscription_details", "metadata"), Metadata(invoice, "subscription_details", "metadata"),
        Metadata(invoice, "lines", "data", "0", "metadata"),
    ];

    private static string? SubscriptionPrice(JsonElement subscription) =>
        subscription.Str("items", "data", "0", "price", "id") ?? subscription.Str("items", "data", "0", "plan", "id") ?? subscription.Str("plan", "id");

    private static string? InvoicePrice(JsonElement invoice) =>
        invoice.Str("lines", "data", "0", "price", "id") ?? invoice.Str("lines", "data", "0", "pricing", "price_details", "price")
        ?? invoice.Str("lines", "data", "0", "plan", "id");

    private static string? InvoiceSubscription(JsonElement invoice) =>
        invoice.Str("subscription") ?? invoice.Str("parent", "subscription_details", "subscription");

    /// <summary>Stripe's spelling; one added after this code is <see cref="StripeSubscriptionStatus.Unknown"/>.</summary>
    private static StripeSubscriptionStatus StatusOf(string? status) => status switch
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
}
