using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

public sealed class WebhookTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Token = "111111111:AAH-signal-token-secret-part-abcdefgh";
    private const long VipChannel = -1001111111111;
    private const long FreeChannel = -1002222222222;

    public static TheoryData<string> Fixtures => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "telegram"), "*.json")
        .Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task EveryReferenceUpdate_IsAcceptedStoredOnceAndProcessed(string file)
    {
        var bot = await ConnectAsync("alpha");
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "telegram", file));

        (await bot.PostAsync(json)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bot.PostAsync(json)).StatusCode.Should().Be(HttpStatusCode.OK, "a repeated delivery is acknowledged");

        var updateId = JsonNode.Parse(json)!["update_id"]!.GetValue<long>();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE update_id = @p0 AND tenant_id = 'alpha'", updateId))
            .Should().Be(1);
        await ProcessInboxAsync();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = @p0", updateId)).Should().Be("processed");

        var update = JsonNode.Parse(json)!;
        if (update["message"]?["chat"] is { } chat && (string?)chat["type"] == "private")
        {
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM bot_users WHERE chat_id = @p0", (long)chat["id"]!))
                .Should().Be(1, "a private message records its bot user");
        }

        if (update["my_chat_member"] is { } change && (string?)change["chat"]!["type"] == "private")
        {
            (await TestDatabase.ScalarAsync<bool>("SELECT is_blocked FROM bot_users WHERE chat_id = @p0", (long)change["chat"]!["id"]!))
                .Should().Be((string?)change["new_chat_member"]!["status"] is "kicked" or "left");
        }
    }

    [Fact]
    public async Task APrivateMessage_RecordsTheBotUser_WithIdsAbove2Pow32()
    {
        var bot = await ConnectAsync("alpha");

        await bot.PostAsync(PrivateText(1, chatId: 5_000_000_001, "/start", username: "big_id_user"));
        await ProcessInboxAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT username FROM bot_users WHERE tenant_id = 'alpha' AND chat_id = 5000000001"))
            .Should().Be("big_id_user");
    }

    [Fact]
    public async Task AUserWhoBlocksTheBot_IsMarked_AndUnmarkedWhenTheyUnblockIt()
    {
        var bot = await ConnectAsync("alpha");
        await bot.PostAsync(PrivateText(1, chatId: 42, "hello"));
        await bot.PostAsync(BotStatus(2, chatId: 42, newStatus: "kicked"));
        await ProcessInboxAsync();
        (await TestDatabase.ScalarAsync<bool>("SELECT is_blocked FROM bot_users WHERE chat_id = 42")).Should().BeTrue();

        await bot.PostAsync(BotStatus(3, chatId: 42, newStatus: "member"));
        await ProcessInboxAsync();

        (await TestDatabase.ScalarAsync<bool>("SELECT is_blocked FROM bot_users WHERE chat_id = 42")).Should().BeFalse();
    }

    [Fact]
    public async Task JoinsAndLeavesOfTheTenantsChannels_BecomeMembershipsAndEvents()
    {
        var bot = await ConnectAsync("alpha");

        await bot.PostAsync(MemberChange(1, VipChannel, userId: 7_000_000_007, "left", "member", "https://t.me/+vipinvite"));
        await bot.PostAsync(MemberChange(2, FreeChannel, userId: 8, "left", "member", null));
        await bot.PostAsync(MemberChange(3, -1009999999999, userId: 9, "left", "member", null));
        await ProcessInboxAsync();
        await bot.PostAsync(MemberChange(4, VipChannel, userId: 7_000_000_007, "member", "kicked", null));
        await ProcessInboxAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM channel_memberships WHERE channel_kind = 'vip' AND telegram_user_id = 7000000007"))
            .Should().Be("left");
        (await TestDatabase.ScalarAsync<string>("SELECT invite_link FROM channel_memberships WHERE channel_kind = 'vip'"))
            .Should().Be("https://t.me/+vipinvite");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM channel_memberships")).Should().Be(2, "the third chat is not one of the tenant's channels");
        var events = await TestDatabase.ScalarAsync<string>(
            "SELECT string_agg(event_type || ':' || (payload->>'channel') || ':' || (payload->>'telegramUserId'), ',' ORDER BY occurred_at, event_type) FROM domain_events WHERE tenant_id = 'alpha'");
        events.Split(',').Should().BeEquivalentTo("UserJoinedChannel:vip:7000000007", "UserJoinedChannel:free:8");
    }

    [Fact]
    public async Task TheUpdatesOfOneChat_AreProcessedInUpdateIdOrder_OneAtATime()
    {
        var bot = await ConnectAsync("alpha");
        await bot.PostAsync(PrivateText(12, chatId: 42, "second"));
        await bot.PostAsync(PrivateText(11, chatId: 42, "first"));
        await bot.PostAsync(PrivateText(20, chatId: 43, "other chat"));

        IReadOnlyList<ClaimedWork<long>> claimed;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<WorkQueue>().ClaimAsync<long>(Queues.TelegramInbox, 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var updateIds = await TestDatabase.ScalarAsync<string>(
            "SELECT string_agg(update_id::text, ',' ORDER BY update_id) FROM telegram_updates WHERE status = 'processing'");
        updateIds.Should().Be("11,20", "update 12 waits for 11 of the same chat; chat 43 is independent");
        claimed.Should().HaveCount(2);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<WorkQueue>().ClaimAsync<long>(Queues.TelegramInbox, 10, TimeSpan.FromMinutes(1), CancellationToken.None))
                .Should().BeEmpty("12 still waits while 11 is in flight");
        }
    }

    [Fact]
    public async Task TheInboxWorker_RunsDifferentChatsSideBySide_AndEachChatStillInUpdateIdOrder()
    {
        var bot = await ConnectAsync("alpha");
        for (var chat = 1; chat <= 12; chat++)
        {
            await bot.PostAsync(PrivateText((chat * 10) + 2, chatId: 1000 + chat, "second"));
            await bot.PostAsync(PrivateText((chat * 10) + 1, chatId: 1000 + chat, "first"));
        }

        var worker = Factory.Services.GetRequiredService<TelegramInboxWorker>();
        (await worker.RunOnceAsync(CancellationToken.None)).Should().Be(12, "one update per chat is claimable at a time");
        (await TestDatabase.ScalarAsync<string>(
                "SELECT string_agg(update_id::text, ',' ORDER BY update_id) FROM telegram_updates WHERE status = 'processed'"))
            .Should().Be(string.Join(',', Enumerable.Range(1, 12).Select(chat => (chat * 10) + 1)));

        (await worker.RunOnceAsync(CancellationToken.None)).Should().Be(12);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status <> 'processed'")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM bot_users")).Should().Be(12);
    }

    [Fact]
    public async Task WithoutOrWithAWrongSecret_Returns401_AndStoresNothing()
    {
        var bot = await ConnectAsync("alpha");
        var body = PrivateText(1, 42, "hello");

        var missing = await Anonymous().PostAsync($"/api/telegram/{bot.PublicId}/webhook", Json(body));
        var wrong = await Post(bot.PublicId, body, bot.Secret[..^1] + (bot.Secret[^1] == 'a' ? 'b' : 'a'));
        var unknownBot = await Post(Guid.NewGuid(), body, bot.Secret);

        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknownBot.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(0);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"update_id\":\"seven\"}")]
    public async Task AMalformedBody_Returns400_AndStoresNothing(string body)
    {
        var bot = await ConnectAsync("alpha");

        (await bot.PostAsync(body)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(0);
    }

    [Theory]
    [InlineData("{\"update_id\":5,\"edited_message\":{\"message_id\":1,\"date\":1,\"edit_date\":2,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}")]
    [InlineData("{\"update_id\":6,\"inline_query\":{\"id\":\"1\",\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"a\"},\"query\":\"q\",\"offset\":\"\"}}")]
    [InlineData("{\"update_id\":7,\"something_new\":{\"a\":1}}")]
    public async Task AnUpdateKindNoFeatureHandles_Returns200_AndIsNotStored(string body)
    {
        var bot = await ConnectAsync("alpha");

        (await bot.PostAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(0);
    }

    [Fact]
    public async Task AnOversizedBody_Returns413()
    {
        var bot = await ConnectAsync("alpha");

        (await bot.PostAsync(PrivateText(1, 42, new string('x', 2 * 1024 * 1024)))).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ConcurrentDeliveries_AreStoredTogether_EachUpdateOnce_AndEveryOneAnswered()
    {
        var bot = await ConnectAsync("alpha");
        var bodies = Enumerable.Range(1, 200).Select(i => PrivateText(i, 1_000 + (i % 7), $"hello {i}")).ToList();

        // Every update twice, all at once: written in shared batches, a batch may hold both deliveries of one update.
        var answers = await Task.WhenAll(bodies.Concat(bodies).Select(bot.PostAsync));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(200);
        (await TestDatabase.ScalarAsync<long>("SELECT count(DISTINCT update_id) FROM telegram_updates WHERE tenant_id = 'alpha'")).Should().Be(200);
        await ProcessInboxAsync();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status = 'processed'")).Should().Be(200);
    }

    [Fact]
    public async Task AMessageWithANulCharacter_IsStoredAndProcessed_InsteadOfFailingForever()
    {
        var bot = await ConnectAsync("alpha");

        (await bot.PostAsync(PrivateText(1, 42, "hello").Replace("hello", "hel\\\\u0000lo\\u0000", StringComparison.Ordinal)))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await TestDatabase.ScalarAsync<string>("SELECT payload -> 'message' ->> 'text' FROM telegram_updates"))
            .Should().Be("hel\\u0000lo\uFFFD", "a NUL becomes U+FFFD; an escaped backslash before u0000 is text and stays");
        await ProcessInboxAsync();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_updates")).Should().Be("processed");
    }

    [Fact]
    public async Task AnUpdateIsStoredUnderTheTenantOfTheBotItCameThrough_Only()
    {
        var alpha = await ConnectAsync("alpha");
        await ConnectAsync("beta", token: "222222222:AAH-beta-token-secret-part-ijklmnopq", botId: 222222222);

        await alpha.PostAsync(PrivateText(1, 42, "hello"));
        await ProcessInboxAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(DISTINCT tenant_id, ',') FROM telegram_updates")).Should().Be("alpha");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(DISTINCT tenant_id, ',') FROM bot_users")).Should().Be("alpha");
    }

    [Fact]
    public async Task TheWebhook_IsNotInTheOpenApiDocument()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        document.Should().NotContain("/webhook").And.Contain("/api/telegram/outbox");
    }

    private async Task<ConnectedBot> ConnectAsync(string tenant, string token = Token, long botId = 111111111)
    {
        var admin = await NewTenantAsync(tenant);
        Telegram.KnowsBot(token, botId, $"{tenant}_bot");
        var saved = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot",
            new { token, channelId = VipChannel.ToString(System.Globalization.CultureInfo.InvariantCulture), freeChannelId = FreeChannel.ToString(System.Globalization.CultureInfo.InvariantCulture) })).JsonAsync();
        var secret = Telegram.Calls("setWebhook").Last(c => c.Token == token).Body.GetProperty("secret_token").GetString()!;
        return new ConnectedBot(this, saved.GetProperty("webhookId").GetGuid(), secret);
    }

    private async Task ProcessInboxAsync()
    {
        var worker = Factory.Services.GetRequiredService<TelegramInboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        await Factory.Services.GetRequiredService<PromoStack.Infrastructure.Events.DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private Task<HttpResponseMessage> Post(Guid publicId, string body, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{publicId}/webhook") { Content = Json(body) };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return Anonymous().SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string PrivateText(long updateId, long chatId, string text, string username = "someone") =>
        new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = updateId, ["date"] = 1_700_000_000, ["text"] = text,
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Some", ["username"] = username },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Some", ["username"] = username },
            },
        }.ToJsonString();

    private static string BotStatus(long updateId, long chatId, string newStatus) =>
        new JsonObject
        {
            ["update_id"] = updateId,
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Some" },
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Some" },
                ["date"] = 1_700_000_000,
                ["old_chat_member"] = new JsonObject { ["status"] = newStatus == "kicked" ? "member" : "kicked", ["user"] = BotUserJson(), ["until_date"] = 0 },
                ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = BotUserJson(), ["until_date"] = 0 },
            },
        }.ToJsonString();

    private static string MemberChange(long updateId, long channelId, long userId, string oldStatus, string newStatus, string? inviteLink)
    {
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Member", ["username"] = $"member{userId}" };
        var change = new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = channelId, ["type"] = "channel", ["title"] = "Channel" },
            ["from"] = user.DeepClone(),
            ["date"] = 1_700_000_000,
            ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = user.DeepClone(), ["until_date"] = 0 },
            ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = user.DeepClone(), ["until_date"] = 0 },
        };
        if (inviteLink is not null)
        {
            change["invite_link"] = new JsonObject
            {
                ["invite_link"] = inviteLink, ["creator"] = BotUserJson(), ["creates_join_request"] = false, ["is_primary"] = false, ["is_revoked"] = false,
            };
        }

        return new JsonObject { ["update_id"] = updateId, ["chat_member"] = change }.ToJsonString();
    }

    private static JsonObject BotUserJson() => new() { ["id"] = 111111111, ["is_bot"] = true, ["first_name"] = "bot", ["username"] = "alpha_bot" };

    private sealed record ConnectedBot(WebhookTests Test, Guid PublicId, string Secret)
    {
        public Task<HttpResponseMessage> PostAsync(string body) => Test.Post(PublicId, body, Secret);
    }
}
