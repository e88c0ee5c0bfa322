using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>Pay on the web → Stripe Checkout (fake) → webhook → /start link_ in the bot (fake Bot API) links the payer.</summary>
public sealed class CheckoutTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string StripeKey = "sk_test_51AbCdEfGhIjKlMnOpQrStUv";
    private const string WebhookSecret = "whsec_alphaSigningSecret0123456789";
    private readonly WireMockServer _stripe = WireMockServer.Start();
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Stripe:ApiBase"] = _stripe.Url }, telegram: Telegram);
        _admin = await Given.TenantAsync(_app, Identity, "user_checkout_admin");
        _stripe.Given(Request.Create().WithPath("/v1/balance").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"object":"balance","available":[],"pending":[],"livemode":false}"""));
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"id":"cs_test_1","object":"checkout.session","url":"https://checkout.stripe.test/c/pay/cs_test_1"}"""));
        (await _admin.PutAsJsonAsync("/api/stripe/settings", new
        {
            secretKey = StripeKey, webhookSecret = WebhookSecret, monthlyPriceId = "price_M123", lifetimePriceId = "price_L123",
        })).EnsureSuccessStatusCode();
        await Given.MessageBotAsync(_admin, Telegram, "alpha_vip_bot");
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _stripe.Stop();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task PayOnTheWeb_ThenOpenTheDeepLink_LinksThatTelegramAccountToThatSubscription_Once()
    {
        var checkout = await (await _app.CreateClient().PostAsJsonAsync("/api/public/alpha/checkout", new { email = "Payer@Example.com", plan = "monthly" })).JsonAsync();
        checkout.GetProperty("url").GetString().Should().Be("https://checkout.stripe.test/c/pay/cs_test_1");
        var form = StripeForm();
        form["mode"].Should().Be("subscription");
        form["line_items[0][price]"].Should().Be("price_M123");
        form["customer_email"].Should().Be("payer@example.com");
        var subscriptionId = form["metadata[subscription_id]"];
        form["subscription_data[metadata][subscription_id]"].Should().Be(subscriptionId);
        form["client_reference_id"].Should().Be(subscriptionId);
        var token = form["success_url"].Should().StartWith("https://t.me/alpha_vip_bot?start=link_").And.Subject["https://t.me/alpha_vip_bot?start=link_".Length..];
        (await TestDatabase.ScalarAsync<string>("SELECT link_token_hash FROM telegram_subscriptions")).Should().NotContain(token, "only its hash is stored");

        (await SignedAsync(SubscriptionEvent(subscriptionId))).EnsureSuccessStatusCode();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions")).Should().Be("active", "our id in the metadata links the event");

        await StartAsync($"link_{token}", updateId: 1);
        await StartAsync($"link_{token}", updateId: 2, fromId: 999);

        (await TestDatabase.ScalarAsync<long>("SELECT telegram_user_id FROM telegram_subscriptions")).Should().Be(4242);
        var replies = Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).ToList();
        replies.Should().Contain(r => r!.Contains("now linked")).And.Contain(r => r!.Contains("expired or was already used"));
    }

    [Fact]
    public async Task AnEmailWithAccess_GetsTheSameAnswerAsANewOne_NoOracle_AndAnUnknownTenantOrPlan_IsNotFound_AndBadInputIs400()
    {
        // Inverted: a 409 for an email with VIP access told anyone who subscribes.
        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime" })).EnsureSuccessStatusCode();
        var client = _app.CreateClient();

        var known = await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "VIP@example.com", plan = "monthly" });
        var unknown = await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "new@example.com", plan = "monthly" });

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        (await known.Content.ReadAsStringAsync()).Should().Be(await unknown.Content.ReadAsStringAsync());
        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || plan_type FROM telegram_subscriptions WHERE email = 'vip@example.com'"))
            .Should().Be("active lifetime", "a checkout never touches another subscription");
        await (await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "a@example.com", plan = "annual" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/public/nosuch/checkout", new { email = "a@example.com", plan = "monthly" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "not-an-email", plan = "monthly" })).ShouldHaveFieldErrorAsync("email");
        _stripe.LogEntries.Count(e => e.RequestMessage!.Path == "/v1/checkout/sessions").Should().Be(2);
    }

    [Fact]
    public async Task ASecondCheckoutForAPendingEmail_LeavesTheFirstLinkWorking()
    {
        var client = _app.CreateClient();
        (await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "payer@example.com", plan = "monthly" })).EnsureSuccessStatusCode();
        var first = StripeForm();
        (await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "payer@example.com", plan = "monthly" })).EnsureSuccessStatusCode();
        var second = StripeForm();
        second["metadata[subscription_id]"].Should().NotBe(first["metadata[subscription_id]"], "each checkout has its own pending subscription");

        (await SignedAsync(SubscriptionEvent(first["metadata[subscription_id]"]))).EnsureSuccessStatusCode();
        await StartAsync($"link_{first["success_url"]["https://t.me/alpha_vip_bot?start=link_".Length..]}", updateId: 1);

        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || telegram_user_id FROM telegram_subscriptions WHERE id = {first["metadata[subscription_id]"]}"))
            .Should().Be("active 4242", "someone starting a checkout with the payer's email cannot break the payer's link");
    }

    [Fact]
    public async Task AHangingStripe_HoldsNoDatabaseConnection_SoAnotherTenantIsAnsweredAtOnce()
    {
        using var hanging = WireMockServer.Start();
        hanging.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()).RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(4))
            .WithHeader("Content-Type", "application/json").WithBody("""{"id":"cs_slow","object":"checkout.session","url":"https://checkout.stripe.test/c/pay/cs_slow"}"""));
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?>
        {
            ["Stripe:ApiBase"] = hanging.Url,
            ["PublicEndpoints:PerClientPerMinute"] = "100",
            ["ConnectionStrings:Postgres"] = TestDatabase.ConnectionString + ";Maximum Pool Size=10",
        });
        var beta = await Given.TenantAsync(app, Identity, "user_checkout_beta", "beta");

        var checkouts = Enumerable.Range(0, 50)
            .Select(i => app.CreateClient().PostAsJsonAsync("/api/public/alpha/checkout", new { email = $"buyer{i}@example.com", plan = "monthly" })).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var me = await beta.GetAsync("/api/me");
        var elapsed = clock.Elapsed;

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "50 checkouts waiting for Stripe must not hold the 10 pooled connections");
        (await Task.WhenAll(checkouts)).Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.OK));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions WHERE stripe_checkout_session_id = 'cs_slow'")).Should().Be(50);
    }

    [Fact]
    public async Task StripeDown_Is503_AndLeavesNoOpenCheckout()
    {
        _stripe.ResetMappings();
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"error":{"type":"api_error","message":"boom"}}"""));

        var response = await _app.CreateClient().PostAsJsonAsync("/api/public/alpha/checkout", new { email = "payer@example.com", plan = "monthly" });

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions")).Should().Be("expired");
    }

    [Fact]
    public async Task ThePublicEndpoint_IsRateLimited()
    {
        var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = $"p{i}@example.com", plan = "monthly" })).StatusCode);
        }

        statuses.Take(10).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.OK));
        statuses.Skip(10).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.TooManyRequests));
    }

    private Dictionary<string, string> StripeForm()
    {
        var body = _stripe.LogEntries.Last(e => e.RequestMessage!.Path == "/v1/checkout/sessions").RequestMessage!.Body!;
        return body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
    }

    private async Task StartAsync(string payload, long updateId, long fromId = 4242)
    {
        var connection = await (await _admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connection.EnumerateArray().Single(c => c.GetProperty("role").GetString() == "message_bot").GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
        var update = new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = updateId, ["date"] = 1_700_000_000, ["text"] = $"/start {payload}",
                ["from"] = new JsonObject { ["id"] = fromId, ["is_bot"] = false, ["first_name"] = "Payer", ["username"] = "payer" },
                ["chat"] = new JsonObject { ["id"] = fromId, ["type"] = "private", ["first_name"] = "Payer" },
            },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await _app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        while (await _app.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(2));
        await _app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
    }

    private string SubscriptionEvent(string subscriptionId) => StripeWebhooks.Event($"evt_sub_{subscriptionId}", "customer.subscription.created", new JsonObject
    {
        ["id"] = $"sub_{subscriptionId}", ["customer"] = "cus_1", ["status"] = "active", ["current_period_end"] = _app.Clock.GetUtcNow().AddDays(30).ToUnixTimeSeconds(),
        ["metadata"] = new JsonObject { ["tenant_id"] = "alpha", ["subscription_id"] = subscriptionId },
    }, _app.Clock.GetUtcNow());

    private Task<HttpResponseMessage> SignedAsync(string body) => StripeWebhooks.PostAsync(_app.CreateClient(), body, WebhookSecret, _app.Clock.GetUtcNow());
}
