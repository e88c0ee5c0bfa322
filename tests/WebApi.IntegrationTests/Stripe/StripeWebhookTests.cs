using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using Microsoft.EntityFrameworkCore;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Stripe;

/// <summary>Signed Stripe events through the real endpoint: verification, exactly-once application, order, isolation.</summary>
public sealed class StripeWebhookTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Secret = "whsec_alphaSigningSecret0123456789";
    private static long _eventNumber;
    private DateTimeOffset _now;
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _now = Factory.Clock.GetUtcNow();
        _admin = await NewTenantAsync("alpha");
        await InTenantAsync("alpha", services => StripeWebhooks.SaveSecretsAsync(services, "alpha", Secret, _now));
    }

    [Fact]
    public async Task ALifetimeCheckout_ActivatesAndLinksTheTelegramUser()
    {
        var response = await SendAsync(Event("checkout.session.completed", Checkout("payment", "lifetime", telegramUserId: 4242)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || plan_type || ' ' || telegram_user_id FROM telegram_subscriptions"))
            .Should().Be("active lifetime 4242");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events WHERE tenant_id = 'alpha'")).Should().Be(1);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong-secret")]
    [InlineData("tampered")]
    [InlineData("stale")]
    public async Task ABadOrMissingSignature_Is400_AndNothingIsApplied(string problem)
    {
        var body = Event("checkout.session.completed", Checkout("payment", "lifetime"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook/alpha")
        {
            Content = new StringContent(problem == "tampered" ? body.Replace("lifetime", "monthly", StringComparison.Ordinal) : body, Encoding.UTF8, "application/json"),
        };
        if (problem != "missing")
        {
            request.Headers.Add("Stripe-Signature", StripeSignature.Header(body, problem == "wrong-secret" ? "whsec_someoneElse0123456789" : Secret, problem == "stale" ? _now.AddMinutes(-6) : _now));
        }

        var response = await Factory.CreateClient().SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(0);
    }

    [Fact]
    public async Task ARepeatedEvent_IsAcknowledged_AndChangesNothing_EvenWhenDeliveredConcurrently()
    {
        var body = Event("checkout.session.completed", Checkout("payment", "lifetime"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(body)));
        var again = await SendAsync(body);

        responses.Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.OK));
        (await again.Content.ReadAsStringAsync()).Should().Contain("duplicate");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(1);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE event_type LIKE '%SubscriptionActivated%'")).Should().Be(1);
    }

    [Fact]
    public async Task AMonthlySubscription_GoesThroughPaymentFailureRenewalCancelAtPeriodEndAndDeletion()
    {
        var periodEnd = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.created", Subscription("active", periodEnd, newShape: true), createdOffset: 1))).EnsureSuccessStatusCode();
        (await Status()).Should().Be("active");

        (await SendAsync(Event("invoice.payment_failed", new JsonObject { ["subscription"] = "sub_1", ["customer"] = "cus_1" }, createdOffset: 2))).EnsureSuccessStatusCode();
        (await TestDatabase.ScalarAsync<bool>("SELECT past_due_since IS NOT NULL FROM telegram_subscriptions")).Should().BeTrue();

        var renewedEnd = _now.AddDays(60).ToUnixTimeSeconds();
        (await SendAsync(Event("invoice.paid", Invoice(renewedEnd), createdOffset: 3))).EnsureSuccessStatusCode();
        (await TestDatabase.ScalarAsync<bool>("SELECT past_due_since IS NULL AND current_period_end = to_timestamp(@p0) FROM telegram_subscriptions", renewedEnd))
            .Should().BeTrue();

        (await SendAsync(Event("customer.subscription.updated", Subscription("active", renewedEnd, newShape: false, cancelAtPeriodEnd: true), createdOffset: 4)))
            .EnsureSuccessStatusCode();
        (await TestDatabase.ScalarAsync<bool>("SELECT cancel_at_period_end FROM telegram_subscriptions")).Should().BeTrue();

        (await SendAsync(Event("customer.subscription.deleted", Subscription("canceled", renewedEnd, newShape: false), createdOffset: 5))).EnsureSuccessStatusCode();
        (await Status()).Should().Be("cancelled");
    }

    [Fact]
    public async Task ASubscriptionEventBeforeItsCheckout_Is503UntilTheCheckoutArrives_ThenApplies()
    {
        var early = Event("customer.subscription.updated", Subscription("active", _now.AddDays(30).ToUnixTimeSeconds(), newShape: true), createdOffset: 1);

        (await SendAsync(early)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(0, "Stripe's retry must be applied");
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(early)).EnsureSuccessStatusCode();

        (await Status()).Should().Be("active");
    }

    [Theory]
    [InlineData("customer.subscription.updated")]
    [InlineData("invoice.paid")]
    public async Task ASubscriptionOurCheckoutsDidNotMake_IsAcknowledgedAndIgnored_NotRetriedForever(string type)
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        var other = type == "invoice.paid" ? Invoice(end) : Subscription("active", end, newShape: true);
        other[type == "invoice.paid" ? "subscription" : "id"] = "sub_other_product";
        other.Remove("metadata");

        (await SendAsync(Event(type, other))).StatusCode.Should().Be(HttpStatusCode.OK, "the tenant's Stripe account may sell other things too");

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
    }

    [Fact]
    public async Task AnInvoiceOfOurSubscription_BeforeItsCheckout_Is503_ByTheMetadataOnItsLine()
    {
        var invoice = Invoice(_now.AddDays(30).ToUnixTimeSeconds());
        invoice["lines"]!["data"]![0]!["metadata"] = new JsonObject { ["tenant_id"] = "alpha" };

        (await SendAsync(Event("invoice.paid", invoice))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task AnOlderEvent_NeverOverwritesNewerState()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: true), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("canceled", end, newShape: true), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: true), createdOffset: 5))).EnsureSuccessStatusCode();

        (await Status()).Should().Be("cancelled");
    }

    [Fact]
    public async Task ADeletion_StaysFinal_WhenOlderEventsArriveAfterIt()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.deleted", Subscription("canceled", end, newShape: false), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 5))).EnsureSuccessStatusCode();
        (await SendAsync(Event("invoice.paid", Invoice(end), createdOffset: 6))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be("cancelled user");
    }

    [Fact]
    public async Task AFinalEvent_EndsAccess_EvenWhenANewerEventWasAppliedFirst()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("charge.refunded", FullRefund(), createdOffset: 5))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be("cancelled refunded");
    }

    [Fact]
    public async Task AStalePaymentFailure_ArrivingAfterThePaymentThatSettledIt_StartsNoGracePeriod()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("invoice.paid", Invoice(_now.AddDays(60).ToUnixTimeSeconds()), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("invoice.payment_failed", Invoice(end), createdOffset: 5))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || (past_due_since IS NULL) FROM telegram_subscriptions")).Should().Be("active true");
    }

    [Fact]
    public async Task AFormerMonthlySubscriber_BuyingLifetime_GetsLifetimeAccess()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", Checkout("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.deleted", Subscription("canceled", end, newShape: false), createdOffset: 2))).EnsureSuccessStatusCode();

        (await SendAsync(Event("checkout.session.completed", Checkout("payment", "lifetime"), createdOffset: 3))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || plan_type || ' ' || (current_period_end IS NULL) FROM telegram_subscriptions"))
            .Should().Be("active lifetime true");
    }

    [Fact]
    public async Task TwoChangesRacingOnOneSubscription_TheSecondIsAConflictToRetry_NotALostUpdate()
    {
        (await SendAsync(Event("checkout.session.completed", Checkout("payment", "lifetime")))).EnsureSuccessStatusCode();
        await using var first = TestDatabase.CreateContext("alpha");
        await using var second = TestDatabase.CreateContext("alpha");
        var seenByFirst = await first.TelegramSubscriptions.SingleAsync();
        var seenBySecond = await second.TelegramSubscriptions.SingleAsync();

        seenByFirst.Cancel(PromoStack.Domain.Subscriptions.CancellationReason.Revoked, _now);
        await first.SaveChangesAsync();
        seenBySecond.Cancel(PromoStack.Domain.Subscriptions.CancellationReason.Refunded, _now);
        var late = () => second.SaveChangesAsync();

        await late.Should().ThrowAsync<PromoStack.Application.Common.Exceptions.ConflictException>();
        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be("cancelled revoked");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE event_type LIKE '%SubscriptionCancelled%'")).Should().Be(1);
    }

    [Fact]
    public async Task APartialRefund_KeepsAccess()
    {
        (await SendAsync(Event("checkout.session.completed", Checkout("payment", "lifetime")))).EnsureSuccessStatusCode();
        var partial = FullRefund();
        partial["amount_refunded"] = 500;
        partial["refunded"] = false;

        (await SendAsync(Event("charge.refunded", partial, createdOffset: 1))).EnsureSuccessStatusCode();

        (await Status()).Should().Be("active");
    }

    [Theory]
    [InlineData("charge.refunded", "refunded")]
    [InlineData("customer.deleted", "deleted")]
    public async Task ARefundOrADeletedCustomer_EndsAccess(string type, string reason)
    {
        (await SendAsync(Event("checkout.session.completed", Checkout("payment", "lifetime")))).EnsureSuccessStatusCode();
        var obj = type == "customer.deleted"
            ? new JsonObject { ["id"] = "cus_1", ["object"] = "customer" }
            : FullRefund();

        (await SendAsync(Event(type, obj, createdOffset: 1))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be($"cancelled {reason}");
    }

    [Fact]
    public async Task AnEventTypeWeDoNotHandle_IsAcknowledgedAndIgnored()
    {
        var response = await SendAsync(Event("customer.updated", new JsonObject { ["id"] = "cus_1" }));

        (await response.Content.ReadAsStringAsync()).Should().Contain("ignored");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(0);
    }

    [Fact]
    public async Task AnEventSignedForOneTenant_IsRefusedAtAnotherTenantsEndpoint()
    {
        await NewTenantAsync("beta");
        var body = Event("checkout.session.completed", Checkout("payment", "lifetime"));

        var response = await SendAsync(body, tenant: "beta");
        var unknown = await SendAsync(body, tenant: "nosuchtenant");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
    }

    [Fact]
    public async Task ASecretRolledOnAnotherInstance_IsAcceptedAtOnce_AndOneSavedHere_ReplacesTheRememberedOneAtOnce()
    {
        (await SendAsync(Event("checkout.session.completed", Checkout("payment", "lifetime", telegramUserId: 1)))).StatusCode.Should().Be(HttpStatusCode.OK);

        // Another instance saved a new secret: this one still remembers the old one, and checks the stored one when it fails.
        const string rolled = "whsec_rolledSigningSecret0123456789";
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var settings = await db.StripeSettings.SingleAsync();
            settings.SetSecrets(settings.SecretKey!, services.GetRequiredService<ISecretProtector>().Protect(StripeSecrets.WebhookSecret, rolled), _now);
            await db.SaveChangesAsync();
        });
        var body = Event("customer.created", new JsonObject { ["id"] = "cus_2", ["object"] = "customer" });
        (await SendSignedAsync(body, rolled)).StatusCode.Should().Be(HttpStatusCode.OK, "verified (an event kind nothing applies)");

        // Saved through this instance's API: the secret it replaced is forgotten here at once.
        (await _admin.Client.PutAsJsonAsync("/api/stripe/settings", new { webhookSecret = "whsec_thirdSigningSecret0123456789" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var again = Event("customer.created", new JsonObject { ["id"] = "cus_3", ["object"] = "customer" });
        await (await SendSignedAsync(again, rolled)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private Task<string> Status() => TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions")!;

    private Task<HttpResponseMessage> SendAsync(string body, string tenant = "alpha") => SendSignedAsync(body, Secret, tenant);

    private Task<HttpResponseMessage> SendSignedAsync(string body, string secret, string tenant = "alpha") =>
        StripeWebhooks.PostAsync(Factory.CreateClient(), body, secret, _now, tenant);

    private string Event(string type, JsonObject obj, int createdOffset = 0) =>
        StripeWebhooks.Event($"evt_{Interlocked.Increment(ref _eventNumber)}", type, obj, _now.AddSeconds(createdOffset));

    private static JsonObject Checkout(string mode, string plan, long? telegramUserId = null) => new()
    {
        ["id"] = "cs_1", ["object"] = "checkout.session", ["mode"] = mode, ["payment_status"] = "paid", ["customer"] = "cus_1",
        ["subscription"] = mode == "subscription" ? "sub_1" : null,
        ["customer_details"] = new JsonObject { ["email"] = "Payer@Example.com" },
        ["metadata"] = new JsonObject { ["plan"] = plan, ["telegram_user_id"] = telegramUserId?.ToString(CultureInfo.InvariantCulture) },
    };

    /// <summary>The period end on the subscription (2020-08-27 shape) or on its first item (current shape).</summary>
    private static JsonObject Subscription(string status, long periodEnd, bool newShape, bool cancelAtPeriodEnd = false)
    {
        var subscription = new JsonObject
        {
            ["id"] = "sub_1", ["object"] = "subscription", ["customer"] = "cus_1", ["status"] = status, ["cancel_at_period_end"] = cancelAtPeriodEnd,
            ["metadata"] = new JsonObject { ["tenant_id"] = "alpha", ["plan"] = "monthly" },
        };
        if (newShape)
        {
            subscription["items"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["current_period_end"] = periodEnd }) };
        }
        else
        {
            subscription["current_period_end"] = periodEnd;
        }

        return subscription;
    }

    private static JsonObject FullRefund() => new()
    {
        ["id"] = "ch_1", ["object"] = "charge", ["customer"] = "cus_1", ["amount"] = 4900, ["amount_refunded"] = 4900, ["refunded"] = true,
    };

    private static JsonObject Invoice(long periodEnd) => new()
    {
        ["id"] = "in_1", ["object"] = "invoice", ["customer"] = "cus_1", ["subscription"] = "sub_1",
        ["lines"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["period"] = new JsonObject { ["end"] = periodEnd } }) },
    };
}
