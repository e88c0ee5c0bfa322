using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>Paying from the bot: /start vip shows the plans, a plan button opens a Stripe Checkout for exactly that Telegram user.</summary>
public sealed class BotCheckoutTests(AppFixture fixture, ClassApp app, FakeStripe stripe) : BotTestBase(fixture, app), IClassFixture<FakeStripe>
{
    private const string WebhookSecret = "whsec_botCheckoutSigningSecret0123";
    private readonly WireMockServer _stripe = stripe.Server;

    protected override Dictionary<string, string?> Overrides => new() { ["Stripe:ApiBase"] = _stripe.Url };

    public override async Task InitializeAsync()
    {
        _stripe.Reset();
        await base.InitializeAsync();
        _stripe.Given(Request.Create().WithPath("/v1/balance").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"object":"balance","available":[],"pending":[],"livemode":false}"""));
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"id":"cs_bot_1","object":"checkout.session","url":"https://checkout.stripe.test/c/pay/cs_bot_1"}"""));
        _stripe.Given(Request.Create().WithPath("/v1/products").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"object":"list","url":"/v1/products","has_more":false,"data":[{"id":"prod_VIP","object":"product","name":"VIP","active":true}]}"""));
        _stripe.Given(Request.Create().WithPath("/v1/prices").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""
                {"object":"list","url":"/v1/prices","has_more":false,"data":[
                  {"id":"price_M123","object":"price","product":"prod_VIP","currency":"usd","unit_amount":4900,"active":true,"recurring":{"interval":"month","interval_count":1}},
                  {"id":"price_A123","object":"price","product":"prod_VIP","currency":"eur","unit_amount":49000,"active":true,"recurring":{"interval":"year","interval_count":1}},
                  {"id":"price_L123","object":"price","product":"prod_VIP","currency":"jpy","unit_amount":150000,"active":true}]}
                """));
    }

    [Fact]
    public async Task StartVip_ShowsEachConfiguredPlanWithItsPrice_AsButtons()
    {
        await SellAsync(monthly: "price_M123", annual: "price_A123", lifetime: "price_L123");

        await SayAsync("/start vip");

        var plans = Telegram.Calls("sendMessage").Last().Body;
        plans.GetProperty("text").GetString().Should().Contain("Choose your plan");
        var buttons = plans.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray().Select(row => row[0]).ToList();
        buttons.Select(b => b.GetProperty("text").GetString()).Should().Equal("Monthly · $49.00/month", "Annual · €490.00/year", "Lifetime · 150,000 JPY once");
        buttons.Select(b => b.GetProperty("callback_data").GetString()).Should().Equal("vip_plan:monthly", "vip_plan:annual", "vip_plan:lifetime");
    }

    [Fact]
    public async Task APlanButton_OpensACheckoutCarryingTheTenantPlanAndTelegramUser_AndThePaymentLinksExactlyThatUser()
    {
        await SellAsync(monthly: "price_M123", annual: "price_A123");

        await PressAsync("vip_plan:annual", fromId: 4242);

        var form = StripeForm();
        form["mode"].Should().Be("subscription");
        form["line_items[0][price]"].Should().Be("price_A123");
        form["metadata[tenant_id]"].Should().Be("alpha");
        form["metadata[plan]"].Should().Be("annual");
        form["metadata[telegram_user_id]"].Should().Be("4242");
        form["subscription_data[metadata][telegram_user_id]"].Should().Be("4242");
        var subscriptionId = form["metadata[subscription_id]"];
        form["client_reference_id"].Should().Be(subscriptionId);
        form["subscription_data[metadata][subscription_id]"].Should().Be(subscriptionId);
        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || plan_type || ' ' || telegram_user_id || ' ' || stripe_checkout_session_id FROM telegram_subscriptions WHERE id = {subscriptionId}"))
            .Should().Be("pending annual 4242 cs_bot_1", "the pending subscription exists before the session that names it");
        form["success_url"].Should().Be("https://t.me/alpha_bot");
        form.Should().NotContainKey("customer_email");
        form.Should().NotContainKey("customer_creation", "Stripe refuses it in subscription mode, where a customer is always made");
        form.Should().NotContainKey("payment_intent_data[metadata][subscription_id]", "Stripe refuses payment intent data in subscription mode");
        var reply = Telegram.Calls("sendMessage").Last().Body;
        reply.GetProperty("text").GetString().Should().Contain("Annual").And.Contain("€490.00/year");
        reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("url").GetString().Should().Be("https://checkout.stripe.test/c/pay/cs_bot_1");
        Telegram.Calls("answerCallbackQuery").Should().ContainSingle();

        (await SignedAsync(Event("evt_done", "checkout.session.completed", new JsonObject
        {
            ["id"] = "cs_bot_1", ["object"] = "checkout.session", ["mode"] = "subscription", ["customer"] = "cus_9", ["subscription"] = "sub_9",
            ["customer_details"] = new JsonObject { ["email"] = "Buyer@Example.com" },
            ["metadata"] = new JsonObject { ["tenant_id"] = "alpha", ["subscription_id"] = subscriptionId, ["plan"] = "annual", ["telegram_user_id"] = "4242" },
        }))).EnsureSuccessStatusCode();
        (await SignedAsync(Event("evt_sub", "customer.subscription.created", new JsonObject
        {
            ["id"] = "sub_9", ["object"] = "subscription", ["customer"] = "cus_9", ["status"] = "active",
            ["metadata"] = new JsonObject { ["tenant_id"] = "alpha", ["subscription_id"] = subscriptionId },
            ["current_period_end"] = App.Clock.GetUtcNow().AddDays(365).ToUnixTimeSeconds(),
        }))).EnsureSuccessStatusCode();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || plan_type || ' ' || telegram_user_id || ' ' || email FROM telegram_subscriptions"))
            .Should().Be("active annual 4242 buyer@example.com");
    }

    [Fact]
    public async Task TheLifetimePlan_IsAOneTimePayment()
    {
        await SellAsync(lifetime: "price_L123");

        await PressAsync("vip_plan:lifetime");

        StripeForm()["mode"].Should().Be("payment");
        StripeForm()["customer_creation"].Should().Be("always", "a refund must name the customer whose lifetime access it ends");
        StripeForm()["payment_intent_data[metadata][subscription_id]"].Should().Be(StripeForm()["metadata[subscription_id]"], "the charge, and so its refund, names our subscription");
        StripeForm().Should().NotContainKey("subscription_data[metadata][telegram_user_id]");
    }

    [Fact]
    public async Task AnActiveSubscriber_IsNotSoldTwice()
    {
        await SellAsync(monthly: "price_M123");
        await InTenantAsync("alpha", async services =>
        {
            var subscription = Given.ActiveSubscription("alpha", "vip@example.com", PlanType.Lifetime, App.Clock.GetUtcNow(), telegramUserId: 4242);
            var db = services.GetRequiredService<AppDbContext>();
            db.TelegramSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        });

        await SayAsync("/start vip");
        await PressAsync("vip_plan:monthly");

        Telegram.Calls("sendMessage").Last().Body.GetProperty("text").GetString().Should().Contain("already have VIP");
        Telegram.Calls("answerCallbackQuery").Single().Body.GetProperty("text").GetString().Should().Contain("already have VIP");
        _stripe.LogEntries.Should().NotContain(e => e.RequestMessage!.Path == "/v1/checkout/sessions");
    }

    [Fact]
    public async Task NoPlansOnSale_AnUnknownPlanButton_AndStripeDown_EachGetAClearAnswer_AndNoCrash()
    {
        await SayAsync("/vip");
        Telegram.Calls("sendMessage").Last().Body.GetProperty("text").GetString().Should().Contain("not on sale");

        await SellAsync(monthly: "price_M123");
        await PressAsync("vip_plan:weekly");
        Telegram.Calls("answerCallbackQuery").Last().Body.GetProperty("text").GetString().Should().Contain("no longer available");

        _stripe.ResetMappings();
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"error":{"type":"api_error","message":"boom"}}"""));
        await PressAsync("vip_plan:monthly");
        Telegram.Calls("sendMessage").Last().Body.GetProperty("text").GetString().Should().Contain("payments are not available right now");
        Telegram.Calls("answerCallbackQuery").Should().HaveCount(2, "every press is answered");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status <> 'processed'")).Should().Be(0);
    }

    private async Task SellAsync(string? monthly = null, string? annual = null, string? lifetime = null)
    {
        (await Admin.PutAsJsonAsync("/api/stripe/settings", new
        {
            secretKey = "sk_test_51AbCdEfGhIjKlMnOpQrStUv", webhookSecret = WebhookSecret, monthlyPriceId = monthly, annualPriceId = annual, lifetimePriceId = lifetime,
        })).EnsureSuccessStatusCode();
        (await Admin.PostAsync("/api/stripe/sync", null)).EnsureSuccessStatusCode();
    }

    private Dictionary<string, string> StripeForm()
    {
        var body = _stripe.LogEntries.Last(e => e.RequestMessage!.Path == "/v1/checkout/sessions").RequestMessage!.Body!;
        return body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
    }

    private string Event(string id, string type, JsonObject data) => StripeWebhooks.Event(id, type, data, App.Clock.GetUtcNow());

    private Task<HttpResponseMessage> SignedAsync(string body) => StripeWebhooks.PostAsync(App.CreateClient(), body, WebhookSecret, App.Clock.GetUtcNow());
}
