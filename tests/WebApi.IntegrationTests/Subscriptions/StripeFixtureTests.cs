using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Stripe;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>
/// Events Stripe itself produced (API version 2020-08-27, see <c>tests/TestData/stripe/README.md</c>), posted byte for
/// byte to the webhook, Stripe's official signature vector, and its official objects in the current API shape. The
/// fixtures share one event id, so each test posts one of them; the state it acts on is set up by events of our own,
/// dated before the fixtures' (2022-03-26).
/// </summary>
public sealed class StripeFixtureTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Secret = "whsec_fixtureSigningSecret0123456789";
    private const string Customer = "cus_00000000000000";
    private const string StripeSubscriptionId = "sub_000000000000000000000000";
    private const long Before = 1_648_300_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NewTenantAsync("alpha");
        await InTenantAsync("alpha", services => StripeWebhooks.SaveSecretsAsync(services, "alpha", Secret, Factory.Clock.GetUtcNow()));
    }

    [Fact]
    public void TheOfficialSignatureVector_VerifiesAtItsTime_AndNotLateTamperedOrWithoutItsTrailingNewline()
    {
        using var vector = JsonDocument.Parse(File.ReadAllText(PathOf("signature_vector.json")));
        var header = vector.RootElement.GetProperty("stripe_signature_header").GetString()!;
        var secret = vector.RootElement.GetProperty("secret").GetString()!;
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(vector.RootElement.GetProperty("timestamp").GetInt64());
        File.ReadAllBytes(PathOf("signature_vector_event.json")).Should().HaveCount(484, "the vector signs the file's exact bytes");
        var payload = File.ReadAllText(PathOf("signature_vector_event.json"));
        var verifier = new StripeWebhookVerifier();

        var verified = verifier.Verify(payload, header, secret, signedAt.AddSeconds(100));

        verified.Should().NotBeNull();
        verified!.Type.Should().Be("customer.created");
        verified.ApiVersion.Should().Be("2017-05-25", "an endpoint's own API version is read as it is, not refused");
        verifier.Verify(payload, header, secret, signedAt.AddSeconds(400)).Should().BeNull("outside the 300 s tolerance");
        verifier.Verify(payload + "this_changes_the_json", header, secret, signedAt.AddSeconds(100)).Should().BeNull();
        verifier.Verify(payload.TrimEnd('\n'), header, secret, signedAt.AddSeconds(100)).Should().BeNull("the signature covers every byte");
        StripeSignature.Header(payload, secret, signedAt).Should().Be($"t={signedAt.ToUnixTimeSeconds()},v1={vector.RootElement.GetProperty("expected_v1").GetString()}",
            "the tests sign the other fixtures as Stripe does");
    }

    [Theory]
    [InlineData("srm_checkout.session.completed.json")]
    [InlineData("srm_checkout.session.completed.payment_mode.json")]
    [InlineData("derived_checkout.session.completed.subscription_mode.json")]
    public async Task ACheckoutPromoStackDidNotCreate_IsAcknowledged_RecordedAsIgnored_AndGrantsNothing(string file)
    {
        // Inverted: a paid one-time checkout without our metadata (a Payment Link for an e-book, or the original
        // system's own metadata) used to grant lifetime VIP access to whatever email the payer typed.
        (await PostAsync(file)).Should().Be("ignored");

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
        (await TestDatabase.ScalarAsync<string>("SELECT outcome || ': ' || reason FROM processed_webhook_events")).Should().StartWith("ignored: a checkout PromoStack did not create");
    }

    [Theory]
    [InlineData("srm_checkout.session.completed.json", "stripe@example.com")]
    [InlineData("srm_checkout.session.completed.payment_mode.json", "example@example.com")]
    public async Task OurOneTimeCheckout_InTheCliShapeAndTheLegacyOne_GrantsLifetimeAccessToItsOwnSubscription(string file, string email)
    {
        var id = await SeedOursAsync(PlanType.Lifetime);

        (await PostOursAsync(file, id, "lifetime")).Should().Be("applied");

        (await Row("id, status, plan_type, stripe_customer_id, email")).Should().Be($"{id} active lifetime {Customer} {email}");
    }

    [Fact]
    public async Task OurSubscriptionCheckout_LinksItsStripeIds_AndLeavesAccessToTheSubscriptionsOwnEvents()
    {
        var id = await SeedOursAsync(PlanType.Monthly, telegramUserId: 123456789);

        (await PostOursAsync("derived_checkout.session.completed.subscription_mode.json", id, "monthly")).Should().Be("applied");

        (await Row("status, plan_type, telegram_user_id, stripe_customer_id, stripe_subscription_id, coalesce(email,'-'), payer_email"))
            .Should().Be($"pending monthly 123456789 {Customer} {StripeSubscriptionId} - stripe@example.com", "its email is claimed once it is paid");
    }

    [Fact]
    public async Task SubscriptionCreated_ActivatesTheCheckoutsSubscription_UntilTheEndOfItsPeriod()
    {
        await SeedPendingAsync();

        (await PostAsync("srm_customer.subscription.created.json")).Should().Be("applied");

        (await Row($"status, {PeriodEnd}")).Should().Be("active 1650998510");
    }

    [Theory]
    [InlineData("srm_customer.subscription.updated.json", false)]
    [InlineData("derived_customer.subscription.updated.cancel_at_period_end.json", true)]
    public async Task SubscriptionUpdated_ExtendsThePeriod_AndSetsACancellationAtItsEnd(string file, bool cancelAtPeriodEnd)
    {
        await SeedActiveAsync();

        (await PostAsync(file)).Should().Be("applied");

        (await Row($"status, {PeriodEnd}, cancel_at_period_end")).Should().Be($"active 1650998505 {(cancelAtPeriodEnd ? "true" : "false")}");
    }

    [Fact]
    public async Task SubscriptionDeleted_EndsAccess()
    {
        await SeedActiveAsync();

        (await PostAsync("srm_customer.subscription.deleted.json")).Should().Be("applied");

        (await Row("status, cancel_reason")).Should().Be("cancelled user");
    }

    [Fact]
    public async Task ThePaidFirstInvoice_ActivatesTheSubscription()
    {
        await SeedPendingAsync();

        (await PostAsync("derived_invoice.paid.subscription.json")).Should().Be("applied");

        (await Row($"status, {PeriodEnd}")).Should().Be("active 1648320011");
    }

    [Fact]
    public async Task AFailedRenewalInvoice_KeepsAccess_AsPastDue()
    {
        await SeedActiveAsync();

        (await PostAsync("derived_invoice.payment_failed.subscription.json")).Should().Be("applied");

        (await Row("status, past_due_since IS NOT NULL")).Should().Be("active true");
    }

    [Theory]
    [InlineData("srm_invoice.paid.json")]
    [InlineData("srm_invoice.payment_failed.json")]
    public async Task AOneOffInvoice_IsAcknowledged_NotLeftForStripeToRetry(string file)
    {
        (await PostAsync(file)).Should().Be("ignored", "no subscription depends on it, so there is nothing to wait for");

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
    }

    [Theory]
    [InlineData("srm_invoice.paid.json")]
    [InlineData("srm_invoice.payment_failed.json")]
    public async Task AOneOffInvoice_DoesNotRestoreTheCustomersRefundedLifetimeAccess(string file)
    {
        await SeedLifetimeAsync();
        (await SendAsync(Event("evt_seed_refund", "charge.refunded", new JsonObject
            {
                ["id"] = "ch_seed", ["object"] = "charge", ["customer"] = Customer, ["payment_intent"] = "pi_seed", ["refunded"] = true,
            }, Before + 1)))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await Row("status, cancel_reason")).Should().Be("cancelled refunded");

        (await PostAsync(file)).Should().Be("ignored");

        (await Row("status, cancel_reason")).Should().Be("cancelled refunded", "a one-off invoice of the same customer is no payment for the plan");
    }

    [Fact]
    public async Task InvoicePaymentSucceeded_IsAcknowledgedAndIgnored_InvoicePaidCarriesTheSameFacts()
    {
        (await PostAsync("srm_invoice.payment_succeeded.json")).Should().Be("ignored");
    }

    [Fact]
    public async Task ARefundOfAPaymentWeDidNotRecord_IsAcknowledged_AndEndsNothing()
    {
        await SeedLifetimeAsync();

        (await PostAsync("srm_charge.refunded.json")).Should().Be("ignored");

        (await Row("status")).Should().Be("active");
    }

    [Fact]
    public async Task TheCurrentApiShape_ASubscriptionsPeriodEnd_IsReadFromItsItems()
    {
        var official = Official("subscription");
        await SeedPendingAsync(official["customer"]!.GetValue<string>(), official["id"]!.GetValue<string>());

        (await SendAsync(Event("evt_current_subscription", "customer.subscription.updated", official, Before + 1, "2026-10-28.endive")))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await Row($"status, {PeriodEnd}, cancel_at_period_end")).Should().Be("active 976287773 true", "the period end is on the first item since 2025");
    }

    [Fact]
    public async Task TheCurrentApiShape_AnInvoicesSubscription_IsReadFromItsParent_SoItIsNoOneOffInvoice()
    {
        var official = Official("invoice");
        await SeedPendingAsync(official["customer"]!.GetValue<string>(), "subscription");

        (await SendAsync(Event("evt_current_invoice", "invoice.paid", official, Before + 1, "2026-10-28.endive"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Row($"status, {PeriodEnd}")).Should().Be("active 1721954054");
    }

    /// <summary>One of Stripe's official objects in the current API shape.</summary>
    private static JsonObject Official(string resource) =>
        JsonNode.Parse(File.ReadAllText(PathOf("openapi_fixtures3_objects_subset.json")))!["resources"]![resource]!.AsObject();

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "stripe", file);

    private const string PeriodEnd = "extract(epoch FROM current_period_end)::bigint";

    /// <summary>The subscription's columns (or expressions), space-separated as PostgreSQL prints them.</summary>
    private static Task<string> Row(string columns) =>
        TestDatabase.ScalarAsync<string>($"SELECT concat_ws(' ', {string.Join(", ", columns.Split(", ").Select(c => $"({c})::text"))}) FROM telegram_subscriptions");

    /// <summary>The fixture's exact bytes, signed now; the outcome the endpoint answers.</summary>
    private async Task<string> PostAsync(string file)
    {
        var body = await File.ReadAllTextAsync(PathOf(file));
        var response = await SendAsync(body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("outcome").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(string body) => StripeWebhooks.PostAsync(Factory.CreateClient(), body, Secret, Factory.Clock.GetUtcNow());

    /// <summary>The pending subscription our checkout makes before its session.</summary>
    private async Task<int> SeedOursAsync(PlanType plan, long? telegramUserId = null)
    {
        var id = 0;
        await InTenantAsync("alpha", async services => id = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", plan, Factory.Clock.GetUtcNow(), telegramUserId));
        return id;
    }

    /// <summary>The fixture with our metadata put on it, as a checkout of ours carries it.</summary>
    private async Task<string> PostOursAsync(string file, int subscriptionId, string plan)
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(PathOf(file)))!;
        fixture["data"]!["object"]!["metadata"] = StripeWebhooks.OurMetadata("alpha", subscriptionId, plan);
        var response = await SendAsync(fixture.ToJsonString());
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("outcome").GetString()!;
    }

    private async Task SeedLifetimeAsync()
    {
        var id = await SeedOursAsync(PlanType.Lifetime);
        var response = await SendAsync(Event("evt_seed_lifetime", "checkout.session.completed", new JsonObject
        {
            ["id"] = "cs_seed", ["object"] = "checkout.session", ["mode"] = "payment", ["payment_status"] = "paid", ["customer"] = Customer,
            ["payment_intent"] = "pi_seed", ["customer_details"] = new JsonObject { ["email"] = "stripe@example.com" },
            ["metadata"] = StripeWebhooks.OurMetadata("alpha", id, "lifetime"),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Row("status, plan_type")).Should().Be("active lifetime");
    }

    /// <summary>A subscription checkout of our own for the fixtures' customer and subscription: pending.</summary>
    private async Task SeedPendingAsync(string customer = Customer, string stripeSubscriptionId = StripeSubscriptionId)
    {
        var id = await SeedOursAsync(PlanType.Monthly);
        var response = await SendAsync(Event("evt_seed_checkout", "checkout.session.completed", new JsonObject
        {
            ["id"] = "cs_seed", ["object"] = "checkout.session", ["mode"] = "subscription", ["payment_status"] = "paid", ["customer"] = customer,
            ["subscription"] = stripeSubscriptionId, ["customer_details"] = new JsonObject { ["email"] = "stripe@example.com" },
            ["metadata"] = StripeWebhooks.OurMetadata("alpha", id, "monthly"),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Row("status")).Should().Be("pending");
    }

    /// <summary>Pending, then active until 30 days after <see cref="Before"/> (earlier than the fixtures' period ends).</summary>
    private async Task SeedActiveAsync()
    {
        await SeedPendingAsync();
        var response = await SendAsync(Event("evt_seed_active", "customer.subscription.created", new JsonObject
        {
            ["id"] = StripeSubscriptionId, ["object"] = "subscription", ["customer"] = Customer, ["status"] = "active",
            ["cancel_at_period_end"] = false, ["current_period_end"] = Before + (30 * 86_400),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Row($"status, {PeriodEnd}")).Should().Be("active 1650892000");
    }

    private static string Event(string id, string type, JsonObject obj, long created = Before, string apiVersion = "2020-08-27") =>
        StripeWebhooks.Event(id, type, obj, DateTimeOffset.FromUnixTimeSeconds(created), apiVersion);
}
