using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>Signed Stripe events through the real endpoint: verification, exactly-once application, order, isolation.</summary>
public sealed class StripeWebhookTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Secret = "whsec_alphaSigningSecret0123456789";
    private static long _eventNumber;
    private DateTimeOffset _now;
    private int _pending;
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
        var response = await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime", telegramUserId: 4242)));

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
        var body = Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime"));
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
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions WHERE status <> 'pending'")).Should().Be(0, "the checkout's pending row stays unpaid");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(0);
    }

    [Fact]
    public async Task ARepeatedEvent_IsAcknowledged_AndChangesNothing_EvenWhenDeliveredConcurrently()
    {
        var body = Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime"));

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
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
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
    public async Task ASubscriptionEventBeforeItsCheckout_IsAppliedToThePendingSubscriptionItsMetadataNames()
    {
        var checkout = await OurCheckoutAsync("subscription", "monthly");

        (await SendAsync(Event("customer.subscription.created", Subscription("active", _now.AddDays(30).ToUnixTimeSeconds(), newShape: true), createdOffset: 1)))
            .EnsureSuccessStatusCode();
        (await SendAsync(Event("checkout.session.completed", checkout))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || stripe_subscription_id || ' ' || email FROM telegram_subscriptions"))
            .Should().Be("active sub_1 payer@example.com");
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
        (await TestDatabase.ScalarAsync<string>("SELECT outcome || ': ' || reason FROM processed_webhook_events")).Should().StartWith("ignored: a subscription PromoStack did not sell");
    }

    [Fact]
    public async Task AnInvoiceForAVipPrice_BeforeItsSubscriptionIsKnown_Is503_ThenItsSubscriptionsEventMakesIt()
    {
        await SellAsync(monthly: "price_VIP_M");
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        var invoice = Invoice(end);
        invoice["subscription"] = "sub_by_hand";
        invoice["lines"]!["data"]![0]!["price"] = new JsonObject { ["id"] = "price_VIP_M" };

        (await SendAsync(Event("invoice.paid", invoice, createdOffset: 1))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(0, "Stripe's retry must be applied");
    }

    [Fact]
    public async Task ASubscriptionAnAdminMadeInStripeForTheVipPrice_IsOurs_AndGrantsAccess()
    {
        await SellAsync(monthly: "price_VIP_M");
        var subscription = Subscription("active", _now.AddDays(30).ToUnixTimeSeconds(), newShape: true);
        subscription["id"] = "sub_by_hand";
        subscription.Remove("metadata");
        subscription["items"]!["data"]![0]!["price"] = new JsonObject { ["id"] = "price_VIP_M" };

        (await SendAsync(Event("customer.subscription.created", subscription))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || plan_type || ' ' || stripe_subscription_id || ' ' || (email IS NULL) FROM telegram_subscriptions"))
            .Should().Be("active monthly sub_by_hand true", "no email is known until its first invoice names one");
    }

    [Fact]
    public async Task AnOlderEvent_NeverOverwritesNewerState()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: true), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("canceled", end, newShape: true), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: true), createdOffset: 5))).EnsureSuccessStatusCode();

        (await Status()).Should().Be("cancelled");
    }

    [Fact]
    public async Task ADeletion_StaysFinal_WhenOlderEventsArriveAfterIt()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
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
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("invoice.paid", Invoice(end), createdOffset: 2))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("charge.refunded", FullRefund(), createdOffset: 5))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be("cancelled refunded");
    }

    [Fact]
    public async Task AStalePaymentFailure_ArrivingAfterThePaymentThatSettledIt_StartsNoGracePeriod()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("invoice.paid", Invoice(_now.AddDays(60).ToUnixTimeSeconds()), createdOffset: 10))).EnsureSuccessStatusCode();

        (await SendAsync(Event("invoice.payment_failed", Invoice(end), createdOffset: 5))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || (past_due_since IS NULL) FROM telegram_subscriptions")).Should().Be("active true");
    }

    [Fact]
    public async Task AFormerMonthlySubscriber_BuyingLifetime_GetsLifetimeAccess()
    {
        var end = _now.AddDays(30).ToUnixTimeSeconds();
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.updated", Subscription("active", end, newShape: false), createdOffset: 1))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.deleted", Subscription("canceled", end, newShape: false), createdOffset: 2))).EnsureSuccessStatusCode();

        var lifetime = await OurCheckoutAsync("payment", "lifetime");
        lifetime["customer"] = "cus_2";
        (await SendAsync(Event("checkout.session.completed", lifetime, createdOffset: 3))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await TestDatabase.ScalarAsync<string>(
                "SELECT string_agg(status || ' ' || plan_type || ' ' || (current_period_end IS NULL) || ' ' || coalesce(email, '-') || ' ' || payer_email, ', ' ORDER BY id) FROM telegram_subscriptions"))
            .Should().Be("cancelled monthly false payer@example.com payer@example.com, active lifetime true - payer@example.com",
                "each purchase is its own subscription; the email stays with the one that holds it");
    }

    [Fact]
    public async Task TwoChangesRacingOnOneSubscription_TheSecondIsAConflictToRetry_NotALostUpdate()
    {
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime")))).EnsureSuccessStatusCode();
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
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime")))).EnsureSuccessStatusCode();
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
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime")))).EnsureSuccessStatusCode();
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
        var body = Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime"));

        var response = await SendAsync(body, tenant: "beta");
        var unknown = await SendAsync(body, tenant: "nosuchtenant");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions WHERE status <> 'pending'")).Should().Be(0, "the checkout's pending row stays unpaid");
    }

    [Fact]
    public async Task ASecretRolledOnAnotherInstance_IsAcceptedAtOnce_AndOneSavedHere_ReplacesTheRememberedOneAtOnce()
    {
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime", telegramUserId: 1)))).StatusCode.Should().Be(HttpStatusCode.OK);

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

    [Fact]
    public async Task APayerTypingSomeoneElsesEmail_GetsTheirOwnSubscription_AndTheOwnersStaysUntouched()
    {
        // The owner: paid lifetime, holds the email.
        var owner = await OurCheckoutAsync("payment", "lifetime", telegramUserId: 1001);
        (await SendAsync(Event("checkout.session.completed", owner))).EnsureSuccessStatusCode();
        var ownerId = _pending;

        // The attacker pays a monthly plan from the bot and types the owner's email at Stripe.
        var attacker = await OurCheckoutAsync("subscription", "monthly", telegramUserId: 2002);
        attacker["customer"] = "cus_attacker";
        attacker["subscription"] = "sub_attacker";
        (await SendAsync(Event("checkout.session.completed", attacker, createdOffset: 1))).EnsureSuccessStatusCode();
        var subscription = Subscription("active", _now.AddDays(30).ToUnixTimeSeconds(), newShape: true);
        subscription["id"] = "sub_attacker";
        subscription["customer"] = "cus_attacker";
        (await SendAsync(Event("customer.subscription.created", subscription, createdOffset: 2))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.deleted", Canceled(subscription), createdOffset: 3))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || email || ' ' || stripe_customer_id || ' ' || telegram_user_id FROM telegram_subscriptions WHERE id = {ownerId}"))
            .Should().Be("active payer@example.com cus_1 1001", "the owner's ids, link and lifetime access are theirs alone");
        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || (email IS NULL) || ' ' || payer_email || ' ' || telegram_user_id FROM telegram_subscriptions WHERE id = {_pending}"))
            .Should().Be("cancelled true payer@example.com 2002", "the attacker's purchase is a subscription of its own; the email stays with its holder");
    }

    [Fact]
    public async Task ARealPaymentWhoseEmailAnotherSubscriptionHolds_IsAppliedAnyway_AndKeepsTheEmailAsItsPayers()
    {
        (await _admin.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "payer@example.com", plan = "monthly" })).EnsureSuccessStatusCode();
        (await _admin.Client.PostAsync($"/api/subscriptions/{await TestDatabase.ScalarAsync<int>("SELECT id FROM telegram_subscriptions")}/revoke", null)).EnsureSuccessStatusCode();

        var response = await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime", telegramUserId: 7)));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the unique email must never make a real payment fail");
        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || (email IS NULL) || ' ' || payer_email FROM telegram_subscriptions WHERE id = {_pending}"))
            .Should().Be("active true payer@example.com");
        (await _admin.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/subscriptions?search=payer@example.com")).GetProperty("total").GetInt32()
            .Should().Be(2, "an admin finds both by the payer's email");
    }

    [Fact]
    public async Task TheSameEventId_ForTwoTenantsOnOneStripeAccount_IsAppliedOncePerTenant()
    {
        await NewTenantAsync("beta");
        await InTenantAsync("beta", services => StripeWebhooks.SaveSecretsAsync(services, "beta", Secret, _now));
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime")))).EnsureSuccessStatusCode();
        var betaRow = 0;
        await InTenantAsync("beta", async services => betaRow = await StripeWebhooks.SeedPendingCheckoutAsync(services, "beta", PromoStack.Domain.Subscriptions.PlanType.Lifetime, _now));
        var betaCheckout = new JsonObject
        {
            ["id"] = "cs_beta", ["object"] = "checkout.session", ["mode"] = "payment", ["payment_status"] = "paid", ["customer"] = "cus_1",
            ["payment_intent"] = "pi_beta", ["metadata"] = StripeWebhooks.OurMetadata("beta", betaRow, "lifetime"),
        };
        (await SendAsync(Event("checkout.session.completed", betaCheckout), tenant: "beta")).EnsureSuccessStatusCode();
        var deleted = Event("customer.deleted", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" }, createdOffset: 1);

        var alpha = await SendAsync(deleted);
        var beta = await SendAsync(deleted, tenant: "beta");
        var alphaAgain = await SendAsync(deleted);

        (await alpha.Content.ReadAsStringAsync()).Should().Contain("applied");
        (await beta.Content.ReadAsStringAsync()).Should().Contain("applied", "the other tenant's record of the id is not this tenant's");
        (await alphaAgain.Content.ReadAsStringAsync()).Should().Contain("duplicate");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(tenant_id || ' ' || status, ', ' ORDER BY tenant_id) FROM telegram_subscriptions"))
            .Should().Be("alpha cancelled, beta cancelled");
    }

    [Fact]
    public async Task ADelayedPayment_StaysPendingUntilItSucceeds_AndAFailureIsRecordedWithItsReason()
    {
        var paid = await OurCheckoutAsync("payment", "lifetime");
        paid["payment_status"] = "unpaid";
        (await SendAsync(Event("checkout.session.completed", paid))).EnsureSuccessStatusCode();
        (await Status()).Should().Be("pending");
        paid["payment_status"] = "paid";
        (await SendAsync(Event("checkout.session.async_payment_succeeded", paid, createdOffset: 1))).EnsureSuccessStatusCode();
        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || plan_type FROM telegram_subscriptions WHERE id = {_pending}")).Should().Be("active lifetime");

        var failed = await OurCheckoutAsync("payment", "lifetime");
        failed["payment_status"] = "unpaid";
        failed["customer"] = "cus_2";
        (await SendAsync(Event("checkout.session.completed", failed))).EnsureSuccessStatusCode();
        (await SendAsync(Event("checkout.session.async_payment_failed", failed, createdOffset: 1))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>($"SELECT status || ': ' || payment_failure_reason FROM telegram_subscriptions WHERE id = {_pending}"))
            .Should().StartWith("pending: The delayed payment failed");
    }

    [Fact]
    public async Task AnExpiredCheckout_ExpiresItsPendingSubscription_AndNoOther()
    {
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("payment", "lifetime")))).EnsureSuccessStatusCode();
        var active = _pending;
        var abandoned = await OurCheckoutAsync("payment", "lifetime");

        (await SendAsync(Event("checkout.session.expired", abandoned))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(id || ' ' || status, ', ' ORDER BY id) FROM telegram_subscriptions")).Should().Be($"{active} active, {_pending} expired");
    }

    [Fact]
    public async Task AFullRefund_EndsOnlyTheSubscriptionItsChargePaidFor()
    {
        (await SendAsync(Event("checkout.session.completed", await OurCheckoutAsync("subscription", "monthly")))).EnsureSuccessStatusCode();
        (await SendAsync(Event("customer.subscription.created", Subscription("active", _now.AddDays(30).ToUnixTimeSeconds(), newShape: true), createdOffset: 1))).EnsureSuccessStatusCode();
        var monthly = _pending;
        var lifetime = await OurCheckoutAsync("payment", "lifetime");
        lifetime["payment_intent"] = "pi_lifetime";
        (await SendAsync(Event("checkout.session.completed", lifetime, createdOffset: 2))).EnsureSuccessStatusCode();
        var refund = FullRefund();
        refund["payment_intent"] = "pi_lifetime";

        (await SendAsync(Event("charge.refunded", refund, createdOffset: 3))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(id || ' ' || status, ', ' ORDER BY id) FROM telegram_subscriptions"))
            .Should().Be($"{monthly} active, {_pending} cancelled", "the same customer's monthly plan was not refunded");
    }

    private static JsonObject Canceled(JsonObject subscription)
    {
        var copy = subscription.DeepClone().AsObject();
        copy["status"] = "canceled";
        return copy;
    }

    private async Task SellAsync(string monthly) => await InTenantAsync("alpha", async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        (await db.StripeSettings.SingleAsync()).SetProduct(null, null, monthly, null, null, _now);
        await db.SaveChangesAsync();
    });

    private Task<string> Status() => TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions")!;

    private Task<HttpResponseMessage> SendAsync(string body, string tenant = "alpha") => SendSignedAsync(body, Secret, tenant);

    private Task<HttpResponseMessage> SendSignedAsync(string body, string secret, string tenant = "alpha") =>
        StripeWebhooks.PostAsync(Factory.CreateClient(), body, secret, _now, tenant);

    private string Event(string type, JsonObject obj, int createdOffset = 0) =>
        StripeWebhooks.Event($"evt_{Interlocked.Increment(ref _eventNumber)}", type, obj, _now.AddSeconds(createdOffset));

    /// <summary>A completed checkout of ours: a pending subscription made first, as our checkouts do, named by the session's metadata.</summary>
    private async Task<JsonObject> OurCheckoutAsync(string mode, string plan, long? telegramUserId = null)
    {
        var planType = Enum.Parse<PromoStack.Domain.Subscriptions.PlanType>(plan, ignoreCase: true);
        await InTenantAsync("alpha", async services => _pending = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", planType, _now, telegramUserId));
        var metadata = StripeWebhooks.OurMetadata("alpha", _pending, plan);
        metadata["telegram_user_id"] = telegramUserId?.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = $"cs_{_pending}", ["object"] = "checkout.session", ["mode"] = mode, ["payment_status"] = "paid", ["customer"] = "cus_1",
            ["subscription"] = mode == "subscription" ? "sub_1" : null, ["payment_intent"] = mode == "payment" ? "pi_1" : null,
            ["customer_details"] = new JsonObject { ["email"] = "Payer@Example.com" },
            ["metadata"] = metadata,
        };
    }

    /// <summary>The period end on the subscription (2020-08-27 shape) or on its first item (current shape).</summary>
    private JsonObject Subscription(string status, long periodEnd, bool newShape, bool cancelAtPeriodEnd = false)
    {
        var subscription = new JsonObject
        {
            ["id"] = "sub_1", ["object"] = "subscription", ["customer"] = "cus_1", ["status"] = status, ["cancel_at_period_end"] = cancelAtPeriodEnd,
            ["metadata"] = StripeWebhooks.OurMetadata("alpha", _pending, "monthly"),
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
        ["id"] = "ch_1", ["object"] = "charge", ["customer"] = "cus_1", ["payment_intent"] = "pi_1", ["amount"] = 4900, ["amount_refunded"] = 4900, ["refunded"] = true,
    };

    private static JsonObject Invoice(long periodEnd) => new()
    {
        ["id"] = "in_1", ["object"] = "invoice", ["customer"] = "cus_1", ["subscription"] = "sub_1", ["payment_intent"] = "pi_1",
        ["lines"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["period"] = new JsonObject { ["end"] = periodEnd } }) },
    };
}
