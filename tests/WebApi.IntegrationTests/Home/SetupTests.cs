using System.Net;
using System.Text.Json;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Connections;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Import;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Stripe;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Home;

/// <summary><c>GET /api/setup</c>: each step checked against the database and, for the bots, against (the fake) Telegram.</summary>
public sealed class SetupTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const long Vip = -1001111111111;
    private const long Free = -1002222222222;

    private static readonly string[] Steps =
        ["signal_bot", "message_bot", "channels", "stripe_keys", "stripe_webhook", "prices", "cross_promo", "first_journey", "coupon_partner"];

    [Fact]
    public async Task ANewTenant_HasEveryStepInOrder_NoneDone_AndTheSignalBotIsNext_WithTheStripeEndpointAndItsEvents()
    {
        var admin = await NewTenantAsync("alpha");

        var setup = await (await admin.Client.GetAsync("/api/setup")).JsonAsync();

        var items = setup.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("key").GetString()).Should().Equal(Steps);
        items.Should().OnlyContain(i => !i.GetProperty("done").GetBoolean() && i.GetProperty("fixHint").GetString()!.Length > 0
            && i.GetProperty("detail").GetString()!.Length > 0 && i.GetProperty("title").GetString()!.Length > 0 && i.GetProperty("adminOnly").GetBoolean());
        items.Where(i => i.GetProperty("optional").GetBoolean()).Select(i => i.GetProperty("key").GetString()).Should().Equal("coupon_partner");
        setup.GetProperty("nextStep").GetString().Should().Be("signal_bot");
        var webhook = setup.GetProperty("stripeWebhook");
        webhook.GetProperty("url").GetString().Should().Be("https://promostack.test/api/stripe/webhook/alpha");
        webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal(StripeEventTypes.Handled);
        Item(setup, "stripe_webhook").GetProperty("fixHint").GetString().Should().Contain("https://promostack.test/api/stripe/webhook/alpha").And.Contain("invoice.paid");
        Telegram.Calls(["getWebhookInfo", "getChatMember"]).Should().BeEmpty("there is no bot to ask about");
    }

    [Fact]
    public async Task WithEveryRequiredStepInPlace_AllAreDone_AndNothingIsNext_TheOptionalCouponStepNotBlockingIt()
    {
        var admin = await NewTenantAsync("alpha");
        await ReadyAsync(admin, "alpha");

        var setup = await (await admin.Client.GetAsync("/api/setup")).JsonAsync();

        setup.GetProperty("items").EnumerateArray().Where(i => !i.GetProperty("optional").GetBoolean())
            .Should().OnlyContain(i => i.GetProperty("done").GetBoolean() && i.GetProperty("fixHint").ValueKind == JsonValueKind.Null, setup.ToString());
        setup.GetProperty("nextStep").ValueKind.Should().Be(JsonValueKind.Null);
        Item(setup, "coupon_partner").GetProperty("done").GetBoolean().Should().BeFalse();
        Item(setup, "signal_bot").GetProperty("detail").GetString().Should().Contain("@alpha_signal_bot").And.Contain("VIP channel and FREE channel");
        Item(setup, "prices").GetProperty("detail").GetString().Should().Be("Monthly $49.00/month, Annual $120.00/year.");
        Item(setup, "channels").GetProperty("detail").GetString().Should().Contain(Vip.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Telegram.Calls("getChatMember").Should().HaveCount(2, "the signal bot's rights were asked in both channels");
    }

    [Fact]
    public async Task ASignalBot_ThatIsNotAnAdministratorOfTheFreeChannel_AndLacksARightInTheVipOne_IsNotDone_AndSaysWhatIsMissing()
    {
        var admin = await NewTenantAsync("alpha");
        await SignalBotHereAsync(admin);
        Telegram.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"/bot{Given.SignalBotToken}/getChatMember").UsingPost()
                .WithBody(new WireMock.Matchers.JsonPartialMatcher(new { chat_id = Vip })))
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new
            {
                ok = true,
                result = new
                {
                    status = "administrator", user = new { id = Given.SignalBotId, is_bot = true, first_name = "bot" }, can_be_edited = false, is_anonymous = false,
                    can_manage_chat = true, can_delete_messages = true, can_manage_video_chats = true, can_restrict_members = false, can_promote_members = false,
                    can_change_info = true, can_invite_users = true, can_post_messages = true, can_edit_messages = true, can_post_stories = false,
                    can_edit_stories = false, can_delete_stories = false,
                },
            }));
        Telegram.Fail(Given.SignalBotToken, "getChatMember", 400, "Bad Request: chat not found");

        var setup = await (await admin.Client.GetAsync("/api/setup")).JsonAsync();

        var signal = Item(setup, "signal_bot");
        signal.GetProperty("done").GetBoolean().Should().BeFalse();
        signal.GetProperty("detail").GetString().Should().Contain("may not ban users in the VIP channel").And.Contain("is not an administrator of the FREE channel");
        signal.GetProperty("fixHint").GetString().Should().Contain("administrator");
        setup.GetProperty("nextStep").GetString().Should().Be("signal_bot");
        Item(setup, "channels").GetProperty("done").GetBoolean().Should().BeTrue("both channels are set; the rights are the signal bot's step");
    }

    [Fact]
    public async Task ABot_WhoseUpdatesTelegramDeliversElsewhere_OrWhoseTokenIsRefused_IsNotDone()
    {
        var admin = await NewTenantAsync("alpha");
        await Given.SignalBotAsync(admin.Client, Telegram, Vip, Free, administersChannels: true);
        Telegram.Answer(Given.SignalBotToken, "getWebhookInfo", new { url = "https://old.example/hook", has_custom_certificate = false, pending_update_count = 9 }, priority: 5);
        await Given.MessageBotAsync(admin.Client, Telegram, "alpha_message_bot");
        Telegram.Fail(Given.MessageBotToken, "getWebhookInfo", 401, "Unauthorized");

        var setup = await (await admin.Client.GetAsync("/api/setup")).JsonAsync();

        Item(setup, "signal_bot").GetProperty("done").GetBoolean().Should().BeFalse();
        Item(setup, "signal_bot").GetProperty("detail").GetString().Should().Contain("https://old.example/hook");
        Item(setup, "message_bot").GetProperty("done").GetBoolean().Should().BeFalse();
        Item(setup, "message_bot").GetProperty("detail").GetString().Should().Contain("refused").And.Contain("Unauthorized");
    }

    [Fact]
    public async Task TelegramsAnswers_AreRememberedForAMinute_SoReloadingAsksNothingAgain()
    {
        var admin = await NewTenantAsync("alpha");
        await SignalBotHereAsync(admin);

        (await admin.Client.GetAsync("/api/setup")).EnsureSuccessStatusCode();
        var asked = Telegram.Calls(["getWebhookInfo", "getChatMember"]).Count;
        (await admin.Client.GetAsync("/api/setup")).EnsureSuccessStatusCode();
        (await admin.Client.GetAsync("/api/dashboard")).EnsureSuccessStatusCode();

        asked.Should().Be(3, "the webhook, and the rights in two channels");
        Telegram.Calls(["getWebhookInfo", "getChatMember"]).Should().HaveCount(asked);
    }

    [Fact]
    public async Task SandboxBots_AreDone_WithoutAskingTelegram()
    {
        var admin = await NewTenantAsync("alpha");
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var now = Factory.Clock.GetUtcNow();
            db.BotConnections.Add(TenantBotConnection.ConnectSandbox("alpha", BotRole.SignalBot, new BotChannels("-1000000000001", "-1000000000002"), now));
            db.BotConnections.Add(TenantBotConnection.ConnectSandbox("alpha", BotRole.MessageBot, BotChannels.None, now));
            await db.SaveChangesAsync();
        });

        var setup = await (await admin.Client.GetAsync("/api/setup")).JsonAsync();

        foreach (var step in new[] { "signal_bot", "message_bot", "channels" })
        {
            Item(setup, step).GetProperty("done").GetBoolean().Should().BeTrue(step);
        }

        Item(setup, "signal_bot").GetProperty("detail").GetString().Should().Contain("sandbox");
        setup.GetProperty("nextStep").GetString().Should().Be("stripe_keys");
        Telegram.Calls(["getWebhookInfo", "getChatMember"]).Should().BeEmpty();
    }

    [Fact]
    public async Task TheStripeWebhook_IsVerifiedByAnEventReceivedHere_NotByTheLedgerAnImportCopied()
    {
        var admin = await NewTenantAsync("alpha");
        var now = Factory.Clock.GetUtcNow();
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.TenantImports.Add(TenantImport.Completed("alpha", "tenant_3fa9c2d1", "original:5432/promo", now.AddDays(-1), "{}", 0));
            db.ProcessedWebhookEvents.Add(ProcessedWebhookEvent.Record("evt_original", "alpha", "invoice.paid", now.AddDays(-2)));
            await db.SaveChangesAsync();
        });

        var before = Item(await (await admin.Client.GetAsync("/api/setup")).JsonAsync(), "stripe_webhook");
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.ProcessedWebhookEvents.Add(ProcessedWebhookEvent.Record("evt_here", "alpha", "invoice.paid", now));
            await db.SaveChangesAsync();
        });
        var after = Item(await (await admin.Client.GetAsync("/api/setup")).JsonAsync(), "stripe_webhook");

        before.GetProperty("done").GetBoolean().Should().BeFalse("the original system received that event, not this API");
        after.GetProperty("done").GetBoolean().Should().BeTrue();
        after.GetProperty("detail").GetString().Should().Contain(now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AMember_ReadsIt_AnonymousIs401_AndAUserWithoutATenantIs403()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_setup_member", "member");

        (await member.Client.GetAsync("/api/setup")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Anonymous().GetAsync("/api/setup")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await (await NewUser("user_nobody").Client.GetAsync("/api/setup")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherTenant_SeesNothingOfThisTenantsSetup()
    {
        var alpha = await NewTenantAsync("alpha");
        await ReadyAsync(alpha, "alpha");
        var beta = await NewTenantAsync("beta");

        var setup = await (await beta.Client.GetAsync("/api/setup")).JsonAsync();

        setup.GetProperty("items").EnumerateArray().Should().OnlyContain(i => !i.GetProperty("done").GetBoolean(), setup.ToString());
        setup.GetProperty("nextStep").GetString().Should().Be("signal_bot");
        setup.GetProperty("stripeWebhook").GetProperty("url").GetString().Should().EndWith("/beta");
    }

    private static JsonElement Item(JsonElement setup, string key) =>
        setup.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    /// <summary>The signal bot connected with both channels, every right in them, and Telegram delivering its updates here.</summary>
    private async Task SignalBotHereAsync(Session admin)
    {
        var signal = await Given.SignalBotAsync(admin.Client, Telegram, Vip, Free, administersChannels: true);
        DeliversHere(Given.SignalBotToken, signal);
    }

    private void DeliversHere(string token, JsonElement connection) => Telegram.Answer(token, "getWebhookInfo", new
    {
        url = $"https://promostack.test/api/telegram/{connection.GetProperty("webhookId").GetGuid()}/webhook", has_custom_certificate = false, pending_update_count = 0,
    }, priority: 5);

    /// <summary>Every required step done: both bots (webhooks here, rights), Stripe keys, a verified event, priced plans, cross-promotion, a published journey.</summary>
    private async Task ReadyAsync(Session admin, string tenant)
    {
        await SignalBotHereAsync(admin);
        DeliversHere(Given.MessageBotToken, await Given.MessageBotAsync(admin.Client, Telegram, $"{tenant}_message_bot"));
        var now = Factory.Clock.GetUtcNow();
        await InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var secrets = services.GetRequiredService<ISecretProtector>();
            var stripe = TenantStripeSettings.Create(tenant, now);
            stripe.SetSecrets(secrets.Protect("stripe.secret-key", "sk_test_abcdefgh12345678"), secrets.Protect("stripe.webhook-secret", "whsec_abcdefgh12345678"), now);
            stripe.SetProduct(null, "prod_VIP", "price_M", "price_A", null, now);
            db.StripeSettings.Add(stripe);
            db.StripePrices.Add(TenantStripePrice.Cache(tenant, "price_M", "prod_VIP", "usd", 4900, "month", 1, null, true, now));
            db.StripePrices.Add(TenantStripePrice.Cache(tenant, "price_A", "prod_VIP", "usd", 12000, "year", 1, null, true, now));
            db.ProcessedWebhookEvents.Add(ProcessedWebhookEvent.Record("evt_1", tenant, "checkout.session.completed", now));
            var promo = TenantCrossPromoSettings.CreateDefault(tenant, "UTC", now);
            promo.Configure(true, "signal_bot", "https://example.com/vip", new TimeOnly(8, 0), TimeZoneInfo.Utc, ["mon", "tue"], 120, 3, 120, now);
            db.CrossPromoSettings.Add(promo);
            var journey = Journey.Create(tenant, "Welcome", null, now);
            journey.Publish(now);
            db.Journeys.Add(journey);
            await db.SaveChangesAsync();
        });
    }
}
