using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary><c>GET /api/subscriptions/{id}/detail</c>: history, VIP invite links (never usable from the API), Stripe ids, who sees what.</summary>
public sealed class SubscriptionDetailTests(AppFixture fixture, ClassApp app) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private const long VipChannel = -1001111111111;
    private const string FirstLink = "https://t.me/+FirstLinkAbcdefgh";
    private const string SecondLink = "https://t.me/+SecondLinkIjklmno";
    private const string Secret = "whsec_detailSigningSecret0123456789";

    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(Identity, telegram: Telegram));
        _admin = await Given.TenantAsync(_app, Identity, "user_detail_admin");
        await Given.SignalBotAsync(_admin, Telegram, VipChannel);
        await Given.MessageBotAsync(_admin, Telegram, "alpha_message_bot");
    }

    [Fact]
    public async Task TheHistory_IsNewestFirst_AndTheInviteLinks_AreFollowedThroughTheirLife_ButNeverShownWhole()
    {
        Telegram.Answer(Given.SignalBotToken, "createChatInviteLink", Link(FirstLink), priority: 2);
        var id = await GrantAsync();
        await DeliverAsync();

        var detail = await DetailAsync(_admin, id);
        Types(detail).Should().Equal("activated", "created");
        var invite = detail.GetProperty("vipInvites").EnumerateArray().Should().ContainSingle().Subject;
        invite.GetProperty("state").GetString().Should().Be("active");
        invite.GetProperty("linkHint").GetString().Should().Be("https://t.me/+Fir…");
        invite.GetProperty("sentToSubscriber").GetBoolean().Should().BeTrue();
        invite.GetProperty("usedAt").ValueKind.Should().Be(JsonValueKind.Null);
        (invite.GetProperty("expiresAt").GetDateTimeOffset() - invite.GetProperty("createdAt").GetDateTimeOffset()).Should().Be(TimeSpan.FromHours(72));
        detail.GetRawText().Should().NotContain("FirstLinkAbcdefgh", "a link lets anyone in until it is used");

        await JoinAsync(updateId: 1, userId: 77, FirstLink);
        await DeliverAsync();
        invite = (await DetailAsync(_admin, id)).GetProperty("vipInvites")[0];
        invite.GetProperty("state").GetString().Should().Be("used");
        invite.GetProperty("usedByOwner").GetBoolean().Should().BeTrue();
        invite.GetProperty("usedAt").GetDateTimeOffset().Should().BeCloseTo(_app.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));

        (await _admin.PostAsync($"/api/subscriptions/{id}/revoke", null)).EnsureSuccessStatusCode();
        await DeliverAsync();
        detail = await DetailAsync(_admin, id);
        Types(detail).Should().Equal("cancelled", "activated", "created");
        detail.GetProperty("history")[0].GetProperty("summary").GetString().Should().Contain("Revoked");

        // Access again: a new link, and the first one revoked.
        Telegram.Answer(Given.SignalBotToken, "createChatInviteLink", Link(SecondLink), priority: 1);
        await GrantAsync();
        await DeliverAsync();
        detail = await DetailAsync(_admin, id);
        Types(detail).Should().Equal("activated", "cancelled", "activated", "created");
        var invites = detail.GetProperty("vipInvites").EnumerateArray().ToList();
        invites.Select(i => i.GetProperty("linkHint").GetString()).Should().Equal("https://t.me/+Sec…", "https://t.me/+Fir…");
        invites[0].GetProperty("state").GetString().Should().Be("active");
        invites[1].GetProperty("state").GetString().Should().Be("used");
        invites[1].GetProperty("revokedAt").ValueKind.Should().Be(JsonValueKind.String, "the new link replaced it");
        detail.GetRawText().Should().NotContain("SecondLinkIjklmno").And.NotContain("FirstLinkAbcdefgh");

        _app.Clock.Advance(TimeSpan.FromHours(73));
        (await DetailAsync(_admin, id)).GetProperty("vipInvites")[0].GetProperty("state").GetString().Should().Be("expired");
    }

    [Fact]
    public async Task AStripeSale_ShowsItsStripeIdsAndRenewals_ToAdmins_AndAMemberSeesItMasked()
    {
        await InTenantAsync(services => StripeWebhooks.SaveSecretsAsync(services, "alpha", Secret, _app.Clock.GetUtcNow()));
        var id = 0;
        await InTenantAsync(async services => id = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", PlanType.Monthly, _app.Clock.GetUtcNow()));
        var metadata = StripeWebhooks.OurMetadata("alpha", id, "monthly");
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await StripeEventAsync("evt_detail_1", "checkout.session.completed", new JsonObject
        {
            ["id"] = "cs_detail", ["object"] = "checkout.session", ["mode"] = "subscription", ["payment_status"] = "paid", ["customer"] = "cus_detail",
            ["subscription"] = "sub_detail", ["customer_details"] = new JsonObject { ["email"] = "payer@example.com" }, ["metadata"] = metadata.DeepClone(),
        });
        await StripeEventAsync("evt_detail_2", "customer.subscription.created", new JsonObject
        {
            ["id"] = "sub_detail", ["object"] = "subscription", ["customer"] = "cus_detail", ["status"] = "active", ["cancel_at_period_end"] = false,
            ["current_period_end"] = _app.Clock.GetUtcNow().AddDays(30).ToUnixTimeSeconds(), ["metadata"] = metadata.DeepClone(),
        });
        _app.Clock.Advance(TimeSpan.FromDays(30));
        await StripeEventAsync("evt_detail_3", "invoice.paid", new JsonObject
        {
            ["id"] = "in_detail", ["object"] = "invoice", ["customer"] = "cus_detail", ["subscription"] = "sub_detail", ["payment_intent"] = "pi_detail",
            ["lines"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["period"] = new JsonObject { ["end"] = _app.Clock.GetUtcNow().AddDays(30).ToUnixTimeSeconds() } }) },
        });

        var detail = await DetailAsync(_admin, id);

        Types(detail).Should().Equal("renewed", "activated", "created");
        detail.GetProperty("history")[2].GetProperty("summary").GetString().Should().Be("Checkout started.");
        var stripe = detail.GetProperty("stripe");
        stripe.GetProperty("customerId").GetString().Should().Be("cus_detail");
        stripe.GetProperty("subscriptionId").GetString().Should().Be("sub_detail");
        stripe.GetProperty("checkoutSessionId").GetString().Should().Be("cs_detail");
        stripe.GetProperty("paymentIntentId").GetString().Should().Be("pi_detail");
        stripe.GetProperty("lastEventAt").GetDateTimeOffset().Should().BeCloseTo(_app.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        detail.GetProperty("subscription").GetProperty("payerEmail").GetString().Should().Be("payer@example.com");
        detail.GetProperty("vipInvites").GetArrayLength().Should().Be(0, "no Telegram user to send a link to");

        var member = await Given.MemberAsync(_app, Identity, _admin, "user_detail_member");
        var masked = await DetailAsync(member, id);
        masked.GetProperty("subscription").GetProperty("payerEmail").GetString().Should().Be("p…@example.com");
        masked.GetProperty("subscription").GetProperty("stripeCustomerId").ValueKind.Should().Be(JsonValueKind.Null);
        foreach (var field in new[] { "customerId", "subscriptionId", "checkoutSessionId", "paymentIntentId" })
        {
            masked.GetProperty("stripe").GetProperty(field).ValueKind.Should().Be(JsonValueKind.Null, $"{field} is left out for a member");
        }

        Types(masked).Should().Equal("renewed", "activated", "created");
        masked.GetRawText().Should().NotContain("cus_detail").And.NotContain("sub_detail").And.NotContain("pi_detail").And.NotContain("cs_detail");
    }

    [Fact]
    public async Task WhenTheEventsAreNoLongerKept_TheHistoryComesFromWhatTheRowRecords()
    {
        var clock = _app.Clock.GetUtcNow();
        var now = clock.AddTicks(-(clock.Ticks % TimeSpan.TicksPerMillisecond)); // what PostgreSQL keeps of an instant
        int ended = 0, overdue = 0;
        await InTenantAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var refunded = TelegramSubscription.Begin("alpha", "old@example.com", PlanType.Lifetime, now.AddDays(-100));
            refunded.Activate(null, now.AddDays(-90));
            refunded.Cancel(CancellationReason.Refunded, now.AddDays(-10));
            var late = TelegramSubscription.Begin("alpha", "late@example.com", PlanType.Monthly, now.AddDays(-40));
            late.Activate(now.AddDays(-3), now.AddDays(-40));
            late.RecordPaymentFailure(now.AddDays(-2));
            db.TelegramSubscriptions.AddRange(refunded, late);
            await db.SaveChangesAsync();
            (ended, overdue) = (refunded.Id, late.Id);
        });
        await TestDatabase.ExecuteAsync("DELETE FROM domain_events");

        var first = await DetailAsync(_admin, ended);
        var second = await DetailAsync(_admin, overdue);

        Types(first).Should().Equal("cancelled", "activated", "created");
        first.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset())
            .Should().Equal(now.AddDays(-10), now.AddDays(-90), now.AddDays(-100));
        first.GetProperty("history")[0].GetProperty("summary").GetString().Should().Contain("refunded");
        Types(second).Should().Equal("payment_overdue", "activated", "created");
    }

    [Fact]
    public async Task AnotherTenantsSubscription_Is404_AndAnAnonymousCaller401()
    {
        var id = await GrantAsync();
        var beta = await Given.TenantAsync(_app, Identity, "user_detail_beta", "beta");
        var theirs = (await (await beta.PostAsJsonAsync("/api/subscriptions/grant", new { email = "b@example.com", plan = "lifetime" })).JsonAsync()).GetProperty("id").GetInt32();

        await (await beta.GetAsync($"/api/subscriptions/{id}/detail")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _admin.GetAsync($"/api/subscriptions/{theirs}/detail")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _admin.GetAsync("/api/subscriptions/987654/detail")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _app.CreateClient().GetAsync($"/api/subscriptions/{id}/detail")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await DetailAsync(beta, theirs)).GetProperty("subscription").GetProperty("email").GetString().Should().Be("b@example.com");
    }

    private static List<string?> Types(JsonElement detail) => [.. detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString())];

    private static object Link(string url) => new
    {
        invite_link = url, creator = new { id = 1, is_bot = true, first_name = "bot" }, creates_join_request = false, is_primary = false, is_revoked = false, member_limit = 1,
    };

    private static async Task<JsonElement> DetailAsync(HttpClient client, int id) => await (await client.GetAsync($"/api/subscriptions/{id}/detail")).JsonAsync();

    private async Task<int> GrantAsync() =>
        (await (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).JsonAsync())
        .GetProperty("id").GetInt32();

    private Task InTenantAsync(Func<IServiceProvider, Task> work) =>
        _app.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", (services, _) => work(services), CancellationToken.None);

    private async Task StripeEventAsync(string id, string type, JsonObject obj)
    {
        var body = StripeWebhooks.Event(id, type, obj, _app.Clock.GetUtcNow());
        var response = await StripeWebhooks.PostAsync(_app.CreateClient(), body, Secret, _app.Clock.GetUtcNow());
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task JoinAsync(int updateId, long userId, string link)
    {
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "U" };
        var update = new JsonObject
        {
            ["update_id"] = updateId,
            ["chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = VipChannel, ["type"] = "channel", ["title"] = "VIP" },
                ["from"] = user.DeepClone(), ["date"] = 1_700_000_000,
                ["old_chat_member"] = new JsonObject { ["status"] = "left", ["user"] = user.DeepClone() },
                ["new_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = user.DeepClone() },
                ["invite_link"] = JsonNode.Parse(JsonSerializer.Serialize(Link(link))),
            },
        };
        var connections = await (await _admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connections.EnumerateArray().Single(c => c.GetProperty("role").GetString() == "signal_bot").GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").First(c => c.Token == Given.SignalBotToken).Body.GetProperty("secret_token").GetString()!;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook")
        {
            Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await _app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        while (await _app.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task DeliverAsync()
    {
        await _app.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
        var sender = _app.Services.GetRequiredService<TelegramSenderWorker>();
        for (var i = 0; i < 3; i++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(2));
            await sender.RunOnceAsync(CancellationToken.None);
        }
    }
}
