using System.Net;
using System.Net.Http.Json;
using System.Text;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Connections;

public sealed class ConnectionsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string SignalToken = "111111111:AAH-signal-token-secret-part-abcdefgh";
    private const string OtherToken = "333333333:AAH-other-bot-token-secret-part-qrstuv";

    [Fact]
    public async Task AChannelUsernameTheBotCannotSee_Is400_AndNothingIsSaved()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_signal_bot");
        Telegram.Fail(SignalToken, "getChat", 400, "Bad Request: chat not found");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken, channelId = "@nosuchchannel" });

        await response.ShouldHaveFieldErrorAsync("channelId");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);
        Telegram.Calls("setWebhook").Should().BeEmpty();
    }

    [Fact]
    public async Task SaveSignalBot_ChecksTheToken_StoresItEncrypted_AndRegistersTheWebhook()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_signal_bot");
        Telegram.KnowsChannel(SignalToken, -1009876543210, "alphafree");

        var saved = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot",
            new { token = SignalToken, channelId = "-1001234567890", freeChannelId = "@alphafree" })).JsonAsync();

        saved.GetProperty("role").GetString().Should().Be("signal_bot");
        saved.GetProperty("botId").GetInt64().Should().Be(111111111);
        saved.GetProperty("botUsername").GetString().Should().Be("alpha_signal_bot");
        saved.GetProperty("token").GetString().Should().Be("111111111:…efgh");
        saved.GetProperty("channelId").GetString().Should().Be("-1001234567890");
        saved.GetProperty("freeChannelId").GetString().Should().Be("-1009876543210", "a @username is stored as the channel's id, which never changes");
        Telegram.Calls("getChat").Should().ContainSingle().Which.Body.GetProperty("chat_id").GetString().Should().Be("@alphafree");
        var webhookId = saved.GetProperty("webhookId").GetGuid();

        var setWebhook = Telegram.Calls("setWebhook").Should().ContainSingle().Subject;
        setWebhook.Token.Should().Be(SignalToken);
        setWebhook.Body.GetProperty("url").GetString().Should().Be($"https://promostack.test/api/telegram/{webhookId}/webhook");
        var secret = setWebhook.Body.GetProperty("secret_token").GetString()!;
        secret.Should().MatchRegex("^[A-Za-z0-9_-]{40,}$");
        setWebhook.Body.GetProperty("allowed_updates").EnumerateArray().Select(u => u.GetString())
            .Should().BeEquivalentTo("message", "callback_query", "chat_member", "my_chat_member", "chat_join_request", "channel_post");

        var storedToken = await TestDatabase.ScalarAsync<string>("SELECT bot_token FROM tenant_bot_connections");
        var storedSecret = await TestDatabase.ScalarAsync<string>("SELECT webhook_secret FROM tenant_bot_connections");
        storedToken.Should().NotContain("signal-token-secret").And.NotBe(SignalToken);
        storedSecret.Should().NotContain(secret);
    }

    [Fact]
    public async Task ListAndSave_NeverReturnTheTokenOrTheWebhookSecret()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_signal_bot");
        var saveBody = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken })).Content.ReadAsStringAsync();
        var secret = Telegram.Calls("setWebhook").Single().Body.GetProperty("secret_token").GetString()!;

        var listBody = await (await admin.Client.GetAsync("/api/connections")).Content.ReadAsStringAsync();

        foreach (var body in new[] { saveBody, listBody })
        {
            body.Should().NotContain("signal-token-secret-part").And.NotContain(secret);
        }

        listBody.Should().Contain("111111111:…efgh");
    }

    [Theory]
    [InlineData("{\"token\":\"not-a-token\"}", "token")]
    [InlineData("{\"token\":\"\"}", "token")]
    [InlineData("{}", "token")]
    [InlineData("{\"token\":\"111111111:AAH-signal-token-secret-part-abcdefgh\",\"channelId\":\"my channel\"}", "channelId")]
    [InlineData("{\"token\":\"111111111:AAH-signal-token-secret-part-abcdefgh\",\"freeChannelId\":\"12345\"}", "freeChannelId")]
    public async Task Save_WithBadInput_Returns400_CallsNothing_AndSavesNothing(string body, string field)
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsync("/api/connections/signal_bot", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
        Telegram.Calls("getMe").Should().BeEmpty();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);
    }

    [Fact]
    public async Task Save_MessageBotWithChannels_Returns400()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken, channelId = "-1001234567890" });

        await response.ShouldHaveFieldErrorAsync("channelId");
    }

    [Fact]
    public async Task Save_WithATokenTelegramRefuses_Returns400WithTelegramsReason()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("token")[0].GetString().Should().Contain("Unauthorized");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);
    }

    [Fact]
    public async Task Save_WhenTelegramFails_Returns503_AndSavesNothing()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.Fail(SignalToken, "getMe", 502, "Bad Gateway");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken });

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);
    }

    [Fact]
    public async Task Save_WhenTelegramRefusesTheWebhook_SavesNothing()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_signal_bot");
        Telegram.Fail(SignalToken, "setWebhook", 400, "Bad Request: bad webhook: HTTPS url must be provided for webhook");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("HTTPS url must be provided");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);
    }

    [Fact]
    public async Task OneBotForBothRoles_SharesOneWebhook_AndKeepsItUntilTheLastRoleLetsGo()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");

        var signal = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken })).JsonAsync();
        var message = await (await admin.Client.PutAsJsonAsync("/api/connections/message_bot", new { token = SignalToken })).JsonAsync();

        message.GetProperty("webhookId").GetGuid().Should().Be(signal.GetProperty("webhookId").GetGuid());
        var registrations = Telegram.Calls("setWebhook");
        registrations.Should().HaveCount(2);
        registrations.Select(r => r.Body.GetProperty("secret_token").GetString()).Distinct().Should().ContainSingle();

        (await admin.Client.DeleteAsync("/api/connections/signal_bot")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        Telegram.Calls("deleteWebhook").Should().BeEmpty("the message role still uses the bot");
        (await admin.Client.DeleteAsync("/api/connections/message_bot")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        Telegram.Calls("deleteWebhook").Should().ContainSingle().Which.Token.Should().Be(SignalToken);
    }

    [Fact]
    public async Task ReplacingARolesBot_UnregistersTheOldBotsWebhook()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");
        Telegram.KnowsBot(OtherToken, 333333333, "alpha_new_bot");
        var first = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken })).JsonAsync();

        var second = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = OtherToken })).JsonAsync();

        second.GetProperty("botId").GetInt64().Should().Be(333333333);
        second.GetProperty("webhookId").GetGuid().Should().NotBe(first.GetProperty("webhookId").GetGuid());
        Telegram.Calls("deleteWebhook").Should().ContainSingle().Which.Token.Should().Be(SignalToken);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(1);
    }

    [Fact]
    public async Task ABotAlreadyServingAnotherTenant_Returns409()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");
        (await alpha.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken })).EnsureSuccessStatusCode();

        var response = await beta.Client.PutAsJsonAsync("/api/connections/message_bot", new { token = SignalToken });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Telegram.Calls("setWebhook").Should().ContainSingle("the other tenant's webhook is left alone");
    }

    [Fact]
    public async Task TheDatabase_RefusesOneLiveBotInTwoWorkspaces_SoTwoRacingConnectionsCannotBothSucceed()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        Telegram.KnowsBot(SignalToken, 111111111, "shared_bot");

        var responses = await Task.WhenAll(
            alpha.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken }),
            beta.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken }));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await TestDatabase.ScalarAsync<long>("SELECT count(DISTINCT tenant_id) FROM tenant_bot_connections WHERE bot_telegram_id = 111111111")).Should().Be(1);
        var direct = () => TestDatabase.ExecuteAsync(
            "INSERT INTO tenant_bot_connections (tenant_id, bot_role, bot_token, bot_token_hint, webhook_secret, bot_telegram_id, public_id, is_sandbox, created_at, updated_at) " +
            "SELECT CASE WHEN tenant_id = 'alpha' THEN 'beta' ELSE 'alpha' END, 'message_bot', 'x', 'x', 'x', 111111111, gen_random_uuid(), false, now(), now() FROM tenant_bot_connections");
        await direct.Should().ThrowAsync<Npgsql.PostgresException>().Where(e => e.SqlState == "23P01", "the exclusion constraint is the last word, whatever the app checks");
    }

    [Fact]
    public async Task ABotMovedFromOneWorkspaceToAnother_TakesNoneOfItsFormerQueueAlong()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        Telegram.KnowsBot(Given.MessageBotToken, 222222222, "moving_bot");
        Telegram.AcceptsMessages(Given.MessageBotToken);
        (await alpha.Client.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken })).EnsureSuccessStatusCode();
        await EnqueueAsync("alpha", 1, "alpha's news");
        await EnqueueAsync("alpha", 2, "alpha's other news");

        (await alpha.Client.DeleteAsync("/api/connections/message_bot")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await beta.Client.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken })).EnsureSuccessStatusCode();
        await EnqueueAsync("beta", 3, "beta's news");
        await ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()).RunOnceAsync(CancellationToken.None);

        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().Equal("beta's news");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(tenant_id || ' ' || status, ', ' ORDER BY id) FROM telegram_outbox"))
            .Should().Be("alpha cancelled, alpha cancelled, beta sent");
        (await TestDatabase.ScalarAsync<string>("SELECT DISTINCT last_error FROM telegram_outbox WHERE status = 'cancelled'")).Should().Contain("disconnected");
    }

    [Fact]
    public async Task ReconnectingWithABotWhoseWebhookTelegramRefuses_KeepsThePreviousBot()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");
        Telegram.KnowsBot(OtherToken, 333333333, "alpha_new_bot");
        var first = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken })).JsonAsync();
        Telegram.Fail(OtherToken, "setWebhook", 400, "Bad Request: bad webhook");

        await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = OtherToken })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var now = (await (await admin.Client.GetAsync("/api/connections")).JsonAsync()).EnumerateArray().Single();
        now.GetProperty("botId").GetInt64().Should().Be(111111111);
        now.GetProperty("webhookId").GetGuid().Should().Be(first.GetProperty("webhookId").GetGuid());
        Telegram.Calls("deleteWebhook").Should().BeEmpty("the old bot never left");
    }

    private async Task EnqueueAsync(string tenant, long chat, string text) =>
        await InTenantAsync(tenant, async services =>
        {
            await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                new SendText(chat, text), new OutboxOptions(BotRole.MessageBot, $"news-{chat}", "test", OutboxPriority.Bulk, DeliverySemantics.AtLeastOnce), CancellationToken.None);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    [Fact]
    public async Task Test_ReportsIdentityChannelRightsAndWebhook()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");
        var saved = await (await admin.Client.PutAsJsonAsync("/api/connections/signal_bot",
            new { token = SignalToken, channelId = "-1001111111111", freeChannelId = "-1002222222222" })).JsonAsync();
        Telegram.Reset();
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot", $"https://promostack.test/api/telegram/{saved.GetProperty("webhookId").GetGuid()}/webhook");
        Telegram.AdministersChannels(SignalToken, 111111111);

        var report = await (await admin.Client.PostAsync("/api/connections/signal_bot/test", null)).JsonAsync();

        report.GetProperty("ok").GetBoolean().Should().BeTrue(report.ToString());
        report.GetProperty("bot").GetProperty("username").GetString().Should().Be("alpha_bot");
        report.GetProperty("webhook").GetProperty("registered").GetBoolean().Should().BeTrue();
        report.GetProperty("webhook").GetProperty("pendingUpdates").GetInt32().Should().Be(3);
        report.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).Should().Equal("vip", "free");
    }

    [Fact]
    public async Task Test_WhenTheBotIsNotAnAdministrator_SaysSo()
    {
        var admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");
        await admin.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken, channelId = "-1001111111111" });
        Telegram.Fail(SignalToken, "getChatMember", 400, "Bad Request: chat not found");

        var report = await (await admin.Client.PostAsync("/api/connections/signal_bot/test", null)).JsonAsync();

        report.GetProperty("ok").GetBoolean().Should().BeFalse();
        report.GetProperty("channels")[0].GetProperty("isAdministrator").GetBoolean().Should().BeFalse();
        report.GetProperty("webhook").GetProperty("registered").GetBoolean().Should().BeFalse("the fake reports no webhook url");
    }

    [Fact]
    public async Task AnotherTenant_SeesNoConnection_AndCannotTestOrDeleteIt()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        Telegram.KnowsBot(SignalToken, 111111111, "alpha_bot");
        await alpha.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken });

        (await (await beta.Client.GetAsync("/api/connections")).JsonAsync()).GetArrayLength().Should().Be(0);
        await (await beta.Client.PostAsync("/api/connections/signal_bot/test", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.DeleteAsync("/api/connections/signal_bot")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections WHERE tenant_id = 'alpha'")).Should().Be(1);
        Telegram.Calls("deleteWebhook").Should().BeEmpty();
    }

    [Fact]
    public async Task Member_CanList_ButNotChange()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_member", "member");

        (await member.Client.GetAsync("/api/connections")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = SignalToken })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.DeleteAsync("/api/connections/signal_bot")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Telegram.Calls("getMe").Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnknownRole_Is404()
    {
        var admin = await NewTenantAsync("alpha");

        (await admin.Client.PutAsJsonAsync("/api/connections/admin_bot", new { token = SignalToken })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
