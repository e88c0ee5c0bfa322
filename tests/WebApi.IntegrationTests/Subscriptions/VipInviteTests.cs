using System.Net.Http.Json;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>Activation → a single-use invite link made by the signal bot → sent to the subscriber by the message bot.</summary>
public sealed class VipInviteTests(AppFixture fixture, ClassApp app) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(Identity, telegram: Telegram));
        _admin = await Given.TenantAsync(_app, Identity, "user_invite_admin");
        await Given.SignalBotAsync(_admin, Telegram, -1001111111111);
        await Given.MessageBotAsync(_admin, Telegram, "alpha_message_bot");
    }

    [Fact]
    public async Task AnActivatedSubscriber_GetsAPersonalSingleUseLink_FromTheMessageBot()
    {
        var granted = await (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).JsonAsync();

        await DeliverAsync();

        var invite = Telegram.Calls("createChatInviteLink").Should().ContainSingle().Subject;
        invite.Token.Should().Be(Given.SignalBotToken, "the signal bot administers the channel");
        invite.Body.GetProperty("chat_id").GetInt64().Should().Be(-1001111111111);
        invite.Body.GetProperty("member_limit").GetInt32().Should().Be(1);
        invite.Body.GetProperty("name").GetString().Should().Be($"VIP #{granted.GetProperty("id").GetInt32()}");
        DateTimeOffset.FromUnixTimeSeconds(invite.Body.GetProperty("expire_date").GetInt64()).Should()
            .BeCloseTo(_app.Clock.GetUtcNow().AddHours(72), TimeSpan.FromMinutes(5));
        var message = Telegram.Calls("sendMessage").Should().ContainSingle().Subject;
        message.Token.Should().Be(Given.MessageBotToken, "the subscriber talks to the message bot");
        message.Body.GetProperty("chat_id").GetInt64().Should().Be(77);
        message.Body.GetProperty("text").GetString().Should().Contain("https://t.me/+single-use-link").And.NotContain("{result}");
        message.Body.TryGetProperty("reply_parameters", out _).Should().BeFalse();
    }

    [Fact]
    public async Task ASubscriberNotLinkedToTelegramYet_GetsNothingYet()
    {
        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "web@example.com", plan = "lifetime" })).EnsureSuccessStatusCode();

        await DeliverAsync();

        Telegram.Calls("createChatInviteLink").Should().BeEmpty();
        Telegram.Calls("sendMessage").Should().BeEmpty();
    }

    [Fact]
    public async Task WhenAccessEnds_TheMemberIsBannedThenUnbanned_AndToldWhy()
    {
        var id = (await (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).JsonAsync())
            .GetProperty("id").GetInt32();
        await DeliverAsync();

        (await _admin.PostAsync($"/api/subscriptions/{id}/revoke", null)).EnsureSuccessStatusCode();
        await DeliverAsync();

        var ban = Telegram.Calls("banChatMember").Should().ContainSingle().Subject.Body;
        ban.GetProperty("chat_id").GetInt64().Should().Be(-1001111111111);
        ban.GetProperty("user_id").GetInt64().Should().Be(77);
        Telegram.Calls("unbanChatMember").Should().ContainSingle().Which.Body.GetProperty("only_if_banned").GetBoolean().Should().BeTrue();
        (await TestDatabase.ScalarAsync<bool>(
                "SELECT b.sent_at <= u.sent_at FROM telegram_outbox b JOIN telegram_outbox u ON u.depends_on_id = b.id WHERE b.method = 'banChatMember'"))
            .Should().BeTrue("the unban waits for the ban");
        Telegram.Calls("sendMessage").Last().Body.GetProperty("text").GetString().Should().Contain("it was revoked");
    }

    [Fact]
    public async Task SomeoneJoiningThroughAnotherSubscribersLink_IsRemoved_AndTheLinkRevoked_ButTheOwnerIsWelcome()
    {
        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).EnsureSuccessStatusCode();
        await DeliverAsync();

        await JoinAsync(updateId: 1, userId: 77);
        await DeliverAsync();
        Telegram.Calls("banChatMember").Should().BeEmpty("the link's owner joined");

        await JoinAsync(updateId: 2, userId: 88);
        await DeliverAsync();

        Telegram.Calls("banChatMember").Should().ContainSingle().Which.Body.GetProperty("user_id").GetInt64().Should().Be(88);
        Telegram.Calls("unbanChatMember").Should().ContainSingle();
        Telegram.Calls("revokeChatInviteLink").Should().ContainSingle().Which.Body.GetProperty("invite_link").GetString().Should().Be("https://t.me/+single-use-link");
    }

    [Fact]
    public async Task TheWholePath_PayLinkJoinCancelAtThePeriodEnd_ThenTheMemberIsRemovedAndToldWhy()
    {
        const string secret = "whsec_pathSigningSecret0123456789";
        // Encrypted by this app's own key ring, which it reads once at start.
        await _app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>()
            .RunAsync("alpha", (services, _) => StripeWebhooks.SaveSecretsAsync(services, "alpha", secret, _app.Clock.GetUtcNow()), CancellationToken.None);
        var periodEnd = _app.Clock.GetUtcNow().AddDays(30);
        var subscription = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "sub_path", ["object"] = "subscription", ["customer"] = "cus_path", ["status"] = "active",
            ["cancel_at_period_end"] = false, ["current_period_end"] = periodEnd.ToUnixTimeSeconds(),
        };

        // Pay: our bot made a pending subscription for the Telegram user, and the checkout it opened names it.
        var pending = 0;
        await _app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>().RunAsync(
            "alpha", async (services, _) => pending = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", PlanType.Monthly, _app.Clock.GetUtcNow(), 77),
            CancellationToken.None);
        subscription["metadata"] = StripeWebhooks.OurMetadata("alpha", pending, "monthly");
        await StripeEventAsync(secret, "evt_path_1", "checkout.session.completed", new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "cs_path", ["object"] = "checkout.session", ["mode"] = "subscription", ["payment_status"] = "paid", ["customer"] = "cus_path",
            ["subscription"] = "sub_path", ["customer_details"] = new System.Text.Json.Nodes.JsonObject { ["email"] = "path@example.com" },
            ["metadata"] = StripeWebhooks.OurMetadata("alpha", pending, "monthly"),
        });
        await StripeEventAsync(secret, "evt_path_2", "customer.subscription.created", subscription);
        await DeliverAsync();
        Telegram.Calls("sendMessage").Should().ContainSingle(c => c.Body.GetProperty("chat_id").GetInt64() == 77
                                                                  && c.Body.GetProperty("text").GetString()!.Contains("https://t.me/+single-use-link"));

        // Join through their own link: welcome.
        await JoinAsync(updateId: 1, userId: 77);
        await DeliverAsync();
        Telegram.Calls("banChatMember").Should().BeEmpty();

        // Cancel at the period end (what Stripe sends after /cancel): access lasts until then.
        subscription["cancel_at_period_end"] = true;
        await StripeEventAsync(secret, "evt_path_3", "customer.subscription.updated", subscription, createdOffset: 60);
        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_at_period_end FROM telegram_subscriptions")).Should().Be("active true");
        _app.Clock.Advance(TimeSpan.FromDays(29));
        await _app.Services.GetRequiredService<PromoStack.Infrastructure.Schedules.ScheduleRunner>().RunDueAsync(CancellationToken.None);
        await DeliverAsync();
        Telegram.Calls("banChatMember").Should().BeEmpty("the paid period has not ended");

        // The period ends with no renewal: the sweep cancels, and the member is removed and told why.
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10));
        await _app.Services.GetRequiredService<PromoStack.Infrastructure.Schedules.ScheduleRunner>().RunDueAsync(CancellationToken.None);
        await DeliverAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be("cancelled user");
        Telegram.Calls("banChatMember").Should().ContainSingle().Which.Body.GetProperty("user_id").GetInt64().Should().Be(77);
        Telegram.Calls("unbanChatMember").Should().ContainSingle("they may come back by paying again");
        Telegram.Calls("sendMessage").Last().Body.GetProperty("text").GetString().Should().Contain("the subscription was cancelled");
    }

    private async Task StripeEventAsync(string secret, string id, string type, System.Text.Json.Nodes.JsonObject obj, int createdOffset = 0)
    {
        var body = StripeWebhooks.Event(id, type, obj, _app.Clock.GetUtcNow().AddSeconds(createdOffset));
        var response = await StripeWebhooks.PostAsync(_app.CreateClient(), body, secret, _app.Clock.GetUtcNow());
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOwnerJoiningAfterTheirAccessEnded_IsRemoved_AndTheirLinkRevoked()
    {
        var id = (await (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).JsonAsync())
            .GetProperty("id").GetInt32();
        await DeliverAsync();
        (await _admin.PostAsync($"/api/subscriptions/{id}/revoke", null)).EnsureSuccessStatusCode();
        await DeliverAsync();
        var bansBefore = Telegram.Calls("banChatMember").Count;

        await JoinAsync(updateId: 3, userId: 77);
        await DeliverAsync();

        Telegram.Calls("banChatMember").Should().HaveCount(bansBefore + 1, "the link was sent while they had access, which has ended");
        Telegram.Calls("revokeChatInviteLink").Should().ContainSingle().Which.Body.GetProperty("invite_link").GetString().Should().Be("https://t.me/+single-use-link");
    }

    private Task JoinAsync(int updateId, long userId)
    {
        var user = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "U" };
        return PostSignalUpdateAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["update_id"] = updateId,
            ["chat_member"] = new System.Text.Json.Nodes.JsonObject
            {
                ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = -1001111111111, ["type"] = "channel", ["title"] = "VIP" },
                ["from"] = user.DeepClone(), ["date"] = 1_700_000_000,
                ["old_chat_member"] = new System.Text.Json.Nodes.JsonObject { ["status"] = "left", ["user"] = user.DeepClone() },
                ["new_chat_member"] = new System.Text.Json.Nodes.JsonObject { ["status"] = "member", ["user"] = user.DeepClone() },
                ["invite_link"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["invite_link"] = "https://t.me/+single-use-link", ["creator"] = new System.Text.Json.Nodes.JsonObject { ["id"] = 333333333, ["is_bot"] = true, ["first_name"] = "bot" },
                    ["creates_join_request"] = false, ["is_primary"] = false, ["is_revoked"] = false, ["member_limit"] = 1,
                },
            },
        });
    }

    private Task PostSignalUpdateAsync(System.Text.Json.Nodes.JsonObject update) => PostUpdateAsync("signal_bot", Given.SignalBotToken, update);

    private async Task PostUpdateAsync(string role, string token, System.Text.Json.Nodes.JsonObject update)
    {
        var connections = await (await _admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connections.EnumerateArray().Single(c => c.GetProperty("role").GetString() == role).GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").First(c => c.Token == token).Body.GetProperty("secret_token").GetString()!;
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

    [Fact]
    public async Task AReactivation_SendsANewLink_AndRevokesTheOldOne()
    {
        var id = (await (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).JsonAsync())
            .GetProperty("id").GetInt32();
        await DeliverAsync();
        (await _admin.PostAsync($"/api/subscriptions/{id}/revoke", null)).EnsureSuccessStatusCode();
        await DeliverAsync();

        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).EnsureSuccessStatusCode();
        await DeliverAsync();

        Telegram.Calls("createChatInviteLink").Should().HaveCount(2);
        Telegram.Calls("revokeChatInviteLink").Should().ContainSingle().Which.Body.GetProperty("invite_link").GetString().Should().Be("https://t.me/+single-use-link");
        Telegram.Calls("sendMessage").Count(c => c.Body.GetProperty("text").GetString()!.Contains("Welcome to VIP")).Should().Be(2);
    }

    [Fact]
    public async Task APaidSubscriberWhoLinksThroughTheDeepLink_GetsTheirInviteRightAway()
    {
        await InTenantAsync("alpha", async services =>
        {
            var subscription = Given.ActiveSubscription("alpha", "web@example.com", PlanType.Lifetime, _app.Clock.GetUtcNow());
            subscription.IssueLinkToken(PromoStack.Application.Subscriptions.LinkTokens.Hash("tok123"), _app.Clock.GetUtcNow().AddDays(7));
            var db = services.GetRequiredService<PromoStack.Infrastructure.Persistence.AppDbContext>();
            db.TelegramSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        });
        await DeliverAsync();
        Telegram.Calls("createChatInviteLink").Should().BeEmpty("nobody to send it to yet");

        await PostUpdateAsync("message_bot", Given.MessageBotToken, new System.Text.Json.Nodes.JsonObject
        {
            ["update_id"] = 20,
            ["message"] = new System.Text.Json.Nodes.JsonObject
            {
                ["message_id"] = 20, ["date"] = 1_700_000_000, ["text"] = "/start link_tok123",
                ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = 55, ["is_bot"] = false, ["first_name"] = "Web" },
                ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = 55, ["type"] = "private", ["first_name"] = "Web" },
            },
        });
        await DeliverAsync();

        Telegram.Calls("createChatInviteLink").Should().ContainSingle();
        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().Contain(t => t!.Contains("https://t.me/+single-use-link"));
    }

    [Fact]
    public async Task Status_ShowsThePlan_AndSendsAFreshLinkToASubscriberOutsideTheChannel()
    {
        await StatusAsync(30, 77);
        Telegram.Calls("sendMessage").Last().Body.GetProperty("text").GetString().Should().Contain("no VIP subscription yet");

        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "annual", telegramUserId = 77 })).EnsureSuccessStatusCode();
        await DeliverAsync();
        await StatusAsync(31, 77);

        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().Contain(t => t!.Contains("<b>annual</b>: active until"));
        Telegram.Calls("createChatInviteLink").Should().HaveCount(2, "one on activation, a fresh one for /status while outside the channel");
    }

    private async Task StatusAsync(int updateId, long userId)
    {
        await PostUpdateAsync("message_bot", Given.MessageBotToken, new System.Text.Json.Nodes.JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new System.Text.Json.Nodes.JsonObject
            {
                ["message_id"] = updateId, ["date"] = 1_700_000_000, ["text"] = "/status",
                ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "U" },
                ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "U" },
            },
        });
        await DeliverAsync();
    }

    [Fact]
    public async Task JoinRequests_FromActiveSubscribersAreApproved_AndOthersDeclined()
    {
        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 77 })).EnsureSuccessStatusCode();

        await PostSignalUpdateAsync(JoinRequest(10, 77));
        await PostSignalUpdateAsync(JoinRequest(11, 88));
        await DeliverAsync();

        Telegram.Calls("approveChatJoinRequest").Should().ContainSingle().Which.Body.GetProperty("user_id").GetInt64().Should().Be(77);
        Telegram.Calls("declineChatJoinRequest").Should().ContainSingle().Which.Body.GetProperty("user_id").GetInt64().Should().Be(88);
    }

    private static System.Text.Json.Nodes.JsonObject JoinRequest(int updateId, long userId) => new()
    {
        ["update_id"] = updateId,
        ["chat_join_request"] = new System.Text.Json.Nodes.JsonObject
        {
            ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = -1001111111111, ["type"] = "channel", ["title"] = "VIP" },
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "U" },
            ["user_chat_id"] = userId, ["date"] = 1_700_000_000,
        },
    };

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
