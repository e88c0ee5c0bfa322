using System.Text.Json.Nodes;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Stripe;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Stripe;

/// <summary>
/// Stripe's JSON read into typed events, without a database: Stripe's own 2020-08-27 events, its current shape and the
/// official signature vector's event (see <c>tests/TestData/stripe/README.md</c>), and what is no event at all.
/// </summary>
public sealed class StripeEventParserTests
{
    private const string Customer = "cus_00000000000000";
    private const string StripeSubscriptionId = "sub_000000000000000000000000";
    private const string Price = "price_000000000000000000000000";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_648_300_000);

    [Fact]
    public void EveryEventTypeATenantIsToldToSelect_IsOneTheParserActsOn()
    {
        foreach (var type in StripeEventTypes.Handled)
        {
            StripeEventParser.Parse(Minimal(type)).Should().NotBeOfType<UnhandledStripeEvent>($"{type} is in the list shown at cut-over");
        }

        StripeEventParser.Parse(Minimal("customer.created")).Should().BeOfType<UnhandledStripeEvent>();
    }

    private static string Minimal(string type) =>
        new JsonObject { ["id"] = "evt_1", ["type"] = type, ["created"] = 1_700_000_000, ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = "x" } } }.ToJsonString();

    [Fact]
    public void AOneTimeCheckout_FromStripe()
    {
        var e = Fixture("srm_checkout.session.completed.json").Should().BeOfType<CheckoutCompleted>().Subject;

        e.Should().Match<CheckoutCompleted>(c => c.Id == "evt_000000000000000000000000" && c.Type == "checkout.session.completed" && c.ApiVersion == "2020-08-27"
                                                && c.Created == DateTimeOffset.FromUnixTimeSeconds(1_648_319_959));
        e.Session.Should().Be(new CheckoutSession(
            "cs_test_0000000000000000000000000000000000000000000000000000000000", Customer, null, OneTimePayment: true, Paid: true, "stripe@example.com",
            "pi_000000000000000000000000", new CheckoutMetadata(null, null, null, null, null)));
    }

    [Fact]
    public void AnOlderCheckoutWithoutApiVersion_IsReadToo()
    {
        var e = Fixture("srm_checkout.session.completed.payment_mode.json").Should().BeOfType<CheckoutCompleted>().Subject;

        e.ApiVersion.Should().BeNull();
        e.Session.PayerEmail.Should().Be("example@example.com");
    }

    [Fact]
    public void ASubscriptionCheckout_CarriesItsStripeSubscription_AndOurMetadata_WhoseIdsAreIdsOnlyWhenTheyParse()
    {
        var e = Fixture("derived_checkout.session.completed.subscription_mode.json").Should().BeOfType<CheckoutCompleted>().Subject;

        e.Session.Should().Match<CheckoutSession>(s => s.StripeSubscriptionId == StripeSubscriptionId && !s.OneTimePayment && s.Paid && s.PaymentIntentId == null);
        e.Session.Metadata.Should().Be(new CheckoutMetadata(null, null, "vip_monthly", 123456789, null));

        var ours = Parse("checkout.session.completed", new JsonObject
        {
            ["customer_email"] = "typed@example.com", ["payment_status"] = "unpaid",
            ["metadata"] = new JsonObject
            {
                ["tenant_id"] = "alpha", ["subscription_id"] = "42", ["plan"] = "lifetime", ["telegram_user_id"] = "not a number", ["telegram_username"] = "",
            },
        }).Should().BeOfType<CheckoutCompleted>().Subject;
        ours.Session.Metadata.Should().Be(new CheckoutMetadata("alpha", 42, "lifetime", null, ""));
        ours.Session.Should().Match<CheckoutSession>(s => s.PayerEmail == "typed@example.com" && !s.Paid && !s.OneTimePayment);
    }

    [Theory]
    [InlineData("checkout.session.async_payment_succeeded", typeof(CheckoutAsyncPaymentSucceeded))]
    [InlineData("checkout.session.async_payment_failed", typeof(CheckoutAsyncPaymentFailed))]
    [InlineData("checkout.session.expired", typeof(CheckoutExpired))]
    public void TheOtherCheckoutEvents_CarryTheirSession(string type, Type expected)
    {
        var e = Parse(type, new JsonObject { ["id"] = "cs_1", ["mode"] = "payment" });

        e.Should().BeOfType(expected);
        ((CheckoutEvent)e!).Session.Should().Match<CheckoutSession>(s => s.SessionId == "cs_1" && s.OneTimePayment);
    }

    [Theory]
    [InlineData("srm_customer.subscription.created.json", 1_650_998_510, false)]
    [InlineData("srm_customer.subscription.updated.json", 1_650_998_505, false)]
    [InlineData("derived_customer.subscription.updated.cancel_at_period_end.json", 1_650_998_505, true)]
    public void ASubscriptionChange_FromStripe_HasItsPeriodEndOnTheSubscription(string file, long periodEnd, bool cancelAtPeriodEnd)
    {
        var e = Fixture(file).Should().BeOfType<SubscriptionChanged>().Subject;

        e.Should().Match<SubscriptionChanged>(s => s.StripeSubscriptionId == StripeSubscriptionId && s.CustomerId == Customer && s.PriceId == Price
                                                   && s.Status == StripeSubscriptionStatus.Active && s.CancelAtPeriodEnd == cancelAtPeriodEnd
                                                   && s.PeriodEnd == DateTimeOffset.FromUnixTimeSeconds(periodEnd));
    }

    [Fact]
    public void ASubscriptionChange_InTheCurrentShape_HasItsPeriodEndOnItsFirstItem()
    {
        var e = Parse("customer.subscription.updated", Official("subscription"), "2026-10-28.endive").Should().BeOfType<SubscriptionChanged>().Subject;

        e.Should().Match<SubscriptionChanged>(s => s.StripeSubscriptionId == "sub_1Pgc6rB7WZ01zgkWNy0Cn5nw" && s.CustomerId == "cus_QXg1o8vcGmoR32"
                                                   && s.PriceId == "price_1PgafmB7WZ01zgkW6dKueIc5" && s.CancelAtPeriodEnd == true
                                                   && s.PeriodEnd == DateTimeOffset.FromUnixTimeSeconds(976_287_773));
    }

    [Theory]
    [InlineData("incomplete", StripeSubscriptionStatus.Incomplete)]
    [InlineData("incomplete_expired", StripeSubscriptionStatus.IncompleteExpired)]
    [InlineData("trialing", StripeSubscriptionStatus.Trialing)]
    [InlineData("active", StripeSubscriptionStatus.Active)]
    [InlineData("past_due", StripeSubscriptionStatus.PastDue)]
    [InlineData("canceled", StripeSubscriptionStatus.Canceled)]
    [InlineData("unpaid", StripeSubscriptionStatus.Unpaid)]
    [InlineData("paused", StripeSubscriptionStatus.Paused)]
    [InlineData("something_new", StripeSubscriptionStatus.Unknown)]
    [InlineData(null, StripeSubscriptionStatus.Unknown)]
    public void EveryStripeSubscriptionStatus_IsRead_AndOneAddedLaterIsUnknown(string? status, StripeSubscriptionStatus expected)
    {
        var e = Parse("customer.subscription.updated", new JsonObject { ["status"] = status }).Should().BeOfType<SubscriptionChanged>().Subject;

        e.Status.Should().Be(expected);
    }

    [Fact]
    public void ASubscriptionPrice_IsReadFromItsItemsPrice_ItsItemsPlan_OrItsOwnPlan()
    {
        PriceOf(new JsonObject { ["items"] = Items(new JsonObject { ["plan"] = new JsonObject { ["id"] = "price_item_plan" } }) }).Should().Be("price_item_plan");
        PriceOf(new JsonObject { ["plan"] = new JsonObject { ["id"] = "price_old_plan" } }).Should().Be("price_old_plan");

        static string? PriceOf(JsonObject subscription) =>
            ((SubscriptionChanged)Parse("customer.subscription.created", subscription)!).PriceId;
    }

    [Fact]
    public void ASubscriptionDeletion_FromStripe()
    {
        var e = Fixture("srm_customer.subscription.deleted.json").Should().BeOfType<SubscriptionDeleted>().Subject;

        e.Should().Match<SubscriptionDeleted>(s => s.StripeSubscriptionId == StripeSubscriptionId && s.CustomerId == Customer);
    }

    [Theory]
    [InlineData("srm_invoice.paid.json", null)]
    [InlineData("derived_invoice.paid.subscription.json", StripeSubscriptionId)]
    public void AnInvoicePaid_FromStripe_NamesItsSubscription_OrNoneWhenOneOff(string file, string? stripeSubscriptionId)
    {
        var e = Fixture(file).Should().BeOfType<InvoicePaid>().Subject;

        e.Should().Match<InvoicePaid>(i => i.StripeSubscriptionId == stripeSubscriptionId && i.CustomerId == Customer && i.PriceId == Price
                                           && i.PaymentIntentId == "pi_000000000000000000000000" && i.CustomerEmail == null
                                           && i.PeriodEnd == DateTimeOffset.FromUnixTimeSeconds(1_648_320_011));
    }

    [Theory]
    [InlineData("srm_invoice.payment_failed.json", null)]
    [InlineData("derived_invoice.payment_failed.subscription.json", StripeSubscriptionId)]
    public void AnInvoicePaymentFailure_FromStripe(string file, string? stripeSubscriptionId)
    {
        var e = Fixture(file).Should().BeOfType<InvoicePaymentFailed>().Subject;

        e.Should().Match<InvoicePaymentFailed>(i => i.StripeSubscriptionId == stripeSubscriptionId && i.CustomerId == Customer && i.PriceId == Price);
    }

    [Fact]
    public void AnInvoice_InTheCurrentShape_NamesItsSubscriptionUnderItsParent_AndItsPriceUnderPricing()
    {
        var official = Official("invoice");
        official["lines"]!["data"]![0]!["pricing"]!["price_details"] = new JsonObject { ["price"] = "price_current" };

        var e = Parse("invoice.paid", official, "2026-10-28.endive").Should().BeOfType<InvoicePaid>().Subject;

        e.Should().Match<InvoicePaid>(i => i.StripeSubscriptionId == "subscription" && i.CustomerId == "cus_QXg1o8vcGmoR32" && i.PriceId == "price_current"
                                           && i.PeriodEnd == DateTimeOffset.FromUnixTimeSeconds(1_721_954_054));
    }

    [Fact]
    public void AnInvoicesMetadata_IsLookedForWhereEachVersionPutsItsSubscriptions_InOrder()
    {
        var invoice = new JsonObject
        {
            ["subscription"] = "sub_1",
            ["metadata"] = Ours("own"),
            ["parent"] = new JsonObject { ["subscription_details"] = new JsonObject { ["metadata"] = Ours("current") } },
            ["subscription_details"] = new JsonObject { ["metadata"] = Ours("2022") },
            ["lines"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["metadata"] = Ours("2020-08-27") }) },
        };

        var e = Parse("invoice.payment_failed", invoice).Should().BeOfType<InvoicePaymentFailed>().Subject;

        e.Metadata.Select(m => m.Plan).Should().Equal("own", "current", "2022", "2020-08-27");

        static JsonObject Ours(string plan) => StripeWebhooks.OurMetadata("alpha", 7, plan);
    }

    [Fact]
    public void ARefund_FromStripe_IsFull_AndAPartialOneIsSaidSo()
    {
        Fixture("srm_charge.refunded.json").Should().BeOfType<ChargeRefunded>().Which.FullyRefunded.Should().BeTrue();

        var partial = Parse("charge.refunded", new JsonObject { ["refunded"] = false, ["payment_intent"] = "pi_1", ["metadata"] = StripeWebhooks.OurMetadata("alpha", 3, "lifetime") });

        partial.Should().Be(new ChargeRefunded("evt_1", "charge.refunded", At, "2020-08-27", false, "pi_1", new CheckoutMetadata("alpha", 3, "lifetime", null, null)));
    }

    [Fact]
    public void ACustomerDeletion_NamesTheCustomer() =>
        Parse("customer.deleted", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" }).Should().Be(new CustomerDeleted("evt_1", "customer.deleted", At, "2020-08-27", "cus_1"));

    [Fact]
    public void ATypeNothingApplies_IsUnhandled_WithItsEnvelope()
    {
        Fixture("srm_invoice.payment_succeeded.json").Should().BeOfType<UnhandledStripeEvent>().Which.Type.Should().Be("invoice.payment_succeeded");
        StripeEventParser.Parse(File.ReadAllText(PathOf("signature_vector_event.json")))
            .Should().Be(new UnhandledStripeEvent("evt_123", "customer.created", DateTimeOffset.FromUnixTimeSeconds(1_533_204_620), "2017-05-25"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"customer.deleted","created":1,"data":{"object":{}}}""")]
    [InlineData("""{"id":"","type":"customer.deleted","created":1,"data":{"object":{}}}""")]
    [InlineData("""{"id":"evt_1","created":1,"data":{"object":{}}}""")]
    [InlineData("""{"id":"evt_1","type":"customer.deleted","data":{"object":{}}}""")]
    [InlineData("""{"id":"evt_1","type":"customer.deleted","created":1,"data":{}}""")]
    public void ABodyThatIsNoEvent_IsNull(string json) => StripeEventParser.Parse(json).Should().BeNull();

    private static StripeEvent? Fixture(string file) => StripeEventParser.Parse(File.ReadAllText(PathOf(file)));

    private static StripeEvent? Parse(string type, JsonObject obj, string apiVersion = "2020-08-27") =>
        StripeEventParser.Parse(StripeWebhooks.Event("evt_1", type, obj, At, apiVersion));

    private static JsonObject Items(JsonObject item) => new() { ["data"] = new JsonArray(item) };

    private static JsonObject Official(string resource) =>
        JsonNode.Parse(File.ReadAllText(PathOf("openapi_fixtures3_objects_subset.json")))!["resources"]![resource]!.AsObject();

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "stripe", file);
}
