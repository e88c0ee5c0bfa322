using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.Application.Dev;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Sandbox;

/// <summary>
/// The sandbox chat (Development only): an admin talks to a sandbox bot through the real inbox and routing, and reads
/// the conversation back from the inbox and the outbox.
/// </summary>
public sealed class SandboxChatTests(AppFixture fixture, ClassApp classApp) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private const string Messages = "/api/sandbox/message_bot/messages";

    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = classApp.ForTest(() => new PromoStackFactory(Identity, environment: "Development", telegram: Telegram));
        _admin = await Given.TenantAsync(_app, Identity, "user_sandbox_admin", email: "ana@example.com");
        (await _admin.PutAsJsonAsync("/api/connections/message_bot", new { sandbox = true })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task AText_GoesThroughTheInboxAndRouting_AndTheBotsReply_IsInTheConversation_RecordedAsSent()
    {
        var sent = await (await _admin.PostAsJsonAsync(Messages, new { text = "/start" })).JsonAsync(HttpStatusCode.Accepted);
        sent.GetProperty("id").GetString().Should().Be("u:1");
        sent.GetProperty("status").GetString().Should().Be("pending");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE kind = 'message' AND status = 'pending'")).Should().Be(1);

        await DrainAsync();
        var conversation = await ConversationAsync();

        var items = conversation.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => (i.GetProperty("from").GetString(), i.GetProperty("type").GetString())).Should().Equal(("user", "text"), ("bot", "text"));
        items[0].GetProperty("text").GetString().Should().Be("/start");
        items[0].GetProperty("status").GetString().Should().Be("processed");
        items[1].GetProperty("text").GetString().Should().StartWith("Welcome!", "the welcome reply, as /start routes it");
        items[1].GetProperty("status").GetString().Should().Be("sent", "a sandbox bot's send is recorded as made");
        items[1].GetProperty("kind").GetString().Should().Be("reply");
        conversation.GetProperty("userId").GetInt64().Should().BeGreaterThanOrEqualTo(5_000_000_000_000);
        Telegram.Server.LogEntries.Should().BeEmpty("a sandbox bot reaches no Telegram");

        var user = await (await _admin.GetAsync($"/api/audience/users/{conversation.GetProperty("userId").GetInt64()}")).JsonAsync();
        user.GetProperty("user").GetProperty("firstName").GetString().Should().Be("ana", "the admin's sandbox user is a bot user like any other");
    }

    [Fact]
    public async Task AButtonPress_AnswersAJourneyQuestion_AndTheButtonsCarryTheirData()
    {
        var journey = await (await _admin.PostAsJsonAsync("/api/journeys", new { name = "Tour", reentryPolicy = "block" })).JsonAsync(HttpStatusCode.Created);
        var id = journey.GetProperty("id").GetGuid();
        (await _admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new
        {
            steps = new object[]
            {
                new { type = "message", config = new { text = "Hello <b>there</b>", buttons = new[] { new { text = "Site", url = "https://example.com" } } } },
                new { type = "question", config = new { text = "Gold or forex?", answer_key = "market", validation = "choice", options = new[] { "Gold", "Forex" } } },
                new { type = "message", config = new { text = "Noted." } },
            },
        })).EnsureSuccessStatusCode();
        (await _admin.PostAsJsonAsync($"/api/journeys/{id}/triggers", new { type = "deep_link", config = new { code = "tour" } })).EnsureSuccessStatusCode();
        (await _admin.PostAsync($"/api/journeys/{id}/publish", null)).EnsureSuccessStatusCode();

        (await _admin.PostAsJsonAsync(Messages, new { text = "/start tour" })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await DrainAsync();
        var bot = BotMessages(await ConversationAsync());
        bot.Select(m => m.GetProperty("text").GetString()).Should().Equal("Hello there", "Gold or forex?");
        bot[0].GetProperty("html").GetString().Should().Be("Hello <b>there</b>");
        bot[0].GetProperty("buttons")[0][0].GetProperty("url").GetString().Should().Be("https://example.com");
        var forex = bot[1].GetProperty("buttons").EnumerateArray().SelectMany(row => row.EnumerateArray())
            .Single(b => b.GetProperty("text").GetString() == "Forex").GetProperty("callbackData").GetString();

        var pressed = await (await _admin.PostAsJsonAsync(Messages, new { callbackData = forex })).JsonAsync(HttpStatusCode.Accepted);
        await DrainAsync();

        pressed.GetProperty("type").GetString().Should().Be("button_press");
        var conversation = await ConversationAsync();
        conversation.GetProperty("items").EnumerateArray().Last(i => i.GetProperty("from").GetString() == "user")
            .GetProperty("callbackData").GetString().Should().Be(forex);
        BotMessages(conversation).Last().GetProperty("text").GetString().Should().Be("Noted.");
        var session = (await (await _admin.GetAsync($"/api/journeys/{id}/sessions")).JsonAsync()).GetProperty("items")[0];
        session.GetProperty("answers").GetProperty("market").GetString().Should().Be("Forex");

        await _admin.PostAsJsonAsync(Messages, new { callbackData = forex });
        await DrainAsync();
        var notice = BotMessages(await ConversationAsync()).Last();
        notice.GetProperty("type").GetString().Should().Be("notice", "a press's answer is shown as Telegram's toast");
        notice.GetProperty("text").GetString().Should().Be("This question has already been answered.");
        notice.GetProperty("status").GetString().Should().Be("sent");
    }

    [Fact]
    public async Task PollingWithAfter_ReturnsOnlyWhatAppearedOrChangedSince()
    {
        await _admin.PostAsJsonAsync(Messages, new { text = "hello" });
        await DrainAsync();
        var first = await ConversationAsync();
        first.GetProperty("items").GetArrayLength().Should().Be(2, "the text and the default reply");

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ConversationAsync(first.GetProperty("next").GetDateTimeOffset());
        again.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Should().Equal(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), "the last seconds before 'after' are read again");
        var quiet = await ConversationAsync(again.GetProperty("next").GetDateTimeOffset());
        quiet.GetProperty("items").GetArrayLength().Should().Be(0);

        await _admin.PostAsJsonAsync(Messages, new { text = "/help" });
        var waiting = await ConversationAsync(quiet.GetProperty("next").GetDateTimeOffset());
        waiting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal("u:2");
        await _app.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None);
        var replied = await ConversationAsync(waiting.GetProperty("next").GetDateTimeOffset());
        replied.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetString()![..2], i.GetProperty("status").GetString()))
            .Should().Equal(("u:", "processed"), ("b:", "pending"));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await _app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
        var delivered = await ConversationAsync(replied.GetProperty("next").GetDateTimeOffset());
        delivered.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("from").GetString() == "bot").Select(i => i.GetProperty("status").GetString())
            .Should().Equal(["sent"], "the reply changed since: it was sent");
    }

    [Fact]
    public async Task EachAdmin_PlaysTheirOwnStableUser_AndSeesOnlyTheirOwnChat()
    {
        var other = await Given.MemberAsync(_app, Identity, _admin, "user_sandbox_other", "admin");
        await _admin.PostAsJsonAsync(Messages, new { text = "mine" });
        await DrainAsync();

        var mine = await ConversationAsync();
        var theirs = await (await other.GetAsync(Messages)).JsonAsync();

        theirs.GetProperty("userId").GetInt64().Should().NotBe(mine.GetProperty("userId").GetInt64());
        theirs.GetProperty("items").GetArrayLength().Should().Be(0);
        (await ConversationAsync()).GetProperty("userId").GetInt64().Should().Be(mine.GetProperty("userId").GetInt64());
    }

    [Fact]
    public async Task TheCouponBot_SendsPreviews_WhoseImagesTheAppCanLoad_ButNotAnotherAdmin()
    {
        await _app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>().RunAsync(
            "alpha", (services, ct) => services.GetRequiredService<global::Mediator.ISender>().Send(new SeedCouponDemo(), ct).AsTask(), CancellationToken.None);

        await _admin.PostAsJsonAsync("/api/sandbox/coupon_bot/messages", new { text = "DEMO10" });
        await DrainAsync();
        var conversation = await (await _admin.GetAsync("/api/sandbox/coupon_bot/messages")).JsonAsync();

        var album = BotMessages(conversation).Single(m => m.GetProperty("type").GetString() == "album");
        var images = album.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("url").GetString()!).ToList();
        images.Should().HaveCount(2).And.OnlyContain(url => url.StartsWith("/api/sandbox/coupon_bot/images/"));
        var image = await _admin.GetAsync(images[0]);
        image.StatusCode.Should().Be(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.Should().StartWith("image/");
        (await image.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty();
        BotMessages(conversation).Last().GetProperty("buttons").GetArrayLength().Should().BeGreaterThan(0, "a template to pick");

        var other = await Given.MemberAsync(_app, Identity, _admin, "user_sandbox_other", "admin");
        await (await other.GetAsync(images[0])).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{}""", "text")]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{"text":"hi","callbackData":"x"}""", "text")]
    [InlineData("""{"callbackData":""}""", "callbackData")]
    [InlineData("""{"callbackData":"0123456789012345678901234567890123456789012345678901234567890123456789"}""", "callbackData")]
    public async Task ABadMessage_Is400_AndStoresNothing(string body, string field)
    {
        var response = await _admin.PostAsync(Messages, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(0);
    }

    [Fact]
    public async Task ATooLongText_Is400()
    {
        await (await _admin.PostAsJsonAsync(Messages, new { text = new string('a', 4097) })).ShouldHaveFieldErrorAsync("text");
    }

    [Fact]
    public async Task ARoleWithoutASandboxBot_Is404_AndARealBotIsNeverTalkedToThisWay()
    {
        await (await _admin.GetAsync("/api/sandbox/coupon_bot/messages")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _admin.PostAsJsonAsync("/api/sandbox/coupon_bot/messages", new { text = "hi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _admin.GetAsync("/api/sandbox/other_bot/messages")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await Given.MessageBotAsync(_admin, Telegram, "alpha_real_bot");
        await (await _admin.PostAsJsonAsync(Messages, new { text = "hi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(0);
    }

    [Fact]
    public async Task OutsideDevelopment_TheSandboxChatIs404_EvenForABadMessage()
    {
        var admin = await NewTenantAsync("beta");

        await (await admin.Client.GetAsync(Messages)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.PostAsJsonAsync(Messages, new { text = "hi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.PostAsJsonAsync(Messages, new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSandboxChat_IsForAdmins()
    {
        var member = await Given.MemberAsync(_app, Identity, _admin, "user_sandbox_member");

        await (await member.GetAsync(Messages)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsJsonAsync(Messages, new { text = "hi" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await _app.CreateClient().GetAsync(Messages)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _app.CreateClient().PostAsJsonAsync(Messages, new { text = "hi" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnotherTenant_NeverReadsNorWritesThisTenantsChat()
    {
        await _admin.PostAsJsonAsync(Messages, new { text = "alpha only" });
        await DrainAsync();
        var beta = await Given.TenantAsync(_app, Identity, "user_sandbox_beta", slug: "beta");

        await (await beta.GetAsync(Messages)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await beta.PutAsJsonAsync("/api/connections/message_bot", new { sandbox = true })).EnsureSuccessStatusCode();
        (await (await beta.GetAsync(Messages)).JsonAsync()).GetProperty("items").GetArrayLength().Should().Be(0);
        await beta.PostAsJsonAsync(Messages, new { text = "beta only" });
        await DrainAsync();

        var alpha = (await ConversationAsync()).GetProperty("items").EnumerateArray().Where(i => i.GetProperty("from").GetString() == "user");
        alpha.Select(i => i.GetProperty("text").GetString()).Should().Equal("alpha only");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE tenant_id = 'beta'")).Should().Be(1);
    }

    private async Task<JsonElement> ConversationAsync(DateTimeOffset? after = null) =>
        await (await _admin.GetAsync(after is { } at ? $"{Messages}?after={Uri.EscapeDataString(at.ToString("O"))}" : Messages)).JsonAsync();

    private static List<JsonElement> BotMessages(JsonElement conversation) =>
        [.. conversation.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("from").GetString() == "bot")];

    private Task DrainAsync() => Workers.DrainAsync(_app);
}
