using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using PromoStack.Application.Dev;
using PromoStack.Cli;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Journeys;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using PromoStack.WebApi.IntegrationTests.Startup;

namespace PromoStack.WebApi.IntegrationTests.Dev;

/// <summary>The demo tenant's sample data, seeded by <c>dev-token</c> (so by <c>./promostack run</c>) through the app's own use cases, once.</summary>
public sealed class DemoDataTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string[] SeededTables =
    [
        "bot_users", "telegram_subscriptions", "journeys", "journey_steps", "journey_triggers", "journey_user_sessions", "journey_scheduled_messages",
        "campaigns", "channel_memberships", "bot_usage", "coupon_renders", "telegram_outbox", "domain_events", "tenant_bot_connections", "coupon_templates",
    ];

    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"promostack-demo-{Guid.NewGuid():N}");

    public override Task DisposeAsync()
    {
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheDemoTenant_GetsAJourney_ACampaign_ADozenUsers_AndSubscriptionsInEveryState()
    {
        await DevTokenAsync();

        (await Scalar<string>("SELECT name FROM journeys WHERE is_active")).Should().Be(DemoAudience.JourneyName);
        (await Scalar<string>("SELECT string_agg(step_type, ',' ORDER BY step_order) FROM journey_steps")).Should().Be("message,question,delay,message");
        (await Scalar<string>("SELECT trigger_config->>'code' FROM journey_triggers WHERE trigger_type = 'deep_link'")).Should().Be("demo");
        (await Scalar<string>("SELECT status FROM campaigns")).Should().Be("active");
        (await Scalar<long>("SELECT count(*) FROM bot_users")).Should().Be(12);
        (await Scalar<long>($"SELECT count(*) FROM bot_users WHERE chat_id BETWEEN {DemoAudience.FirstUserId} AND {DemoAudience.LastUserId} AND last_name = '(demo)'"))
            .Should().Be(12, "every demo user is marked: the id block and the name");
        (await Scalar<string>("SELECT string_agg(plan_type || ':' || status, ',' ORDER BY id) FROM telegram_subscriptions"))
            .Should().Be("monthly:active,annual:active,lifetime:active,monthly:cancelled,monthly:expired");
        (await Scalar<long>($"SELECT count(*) FROM telegram_subscriptions WHERE email LIKE '%@{DemoAudience.EmailDomain}' AND telegram_user_id IS NOT NULL")).Should().Be(5);
        (await Scalar<string>("SELECT cancel_reason FROM telegram_subscriptions WHERE status = 'cancelled'")).Should().Be("revoked");
        (await Scalar<string>("SELECT string_agg(status, ',' ORDER BY telegram_chat_id) FROM journey_user_sessions"))
            .Should().Be("waiting_delay,awaiting_reply", "Finn answered the question with its button and waits for the delay; Lena has not answered yet");
        (await Scalar<string>("SELECT answers->>'market' FROM journey_user_sessions WHERE status = 'waiting_delay'")).Should().Be("Forex");
        (await Scalar<long>("SELECT count(*) FROM bot_users WHERE unsubscribed_at IS NOT NULL")).Should().Be(1);
        (await Scalar<long>("SELECT count(*) FROM bot_users WHERE is_blocked")).Should().Be(1);
        (await Scalar<long>("SELECT count(*) FROM bot_users WHERE coupon_first_seen_at IS NOT NULL")).Should().Be(2);
        (await Scalar<long>("SELECT count(*) FROM bot_users WHERE coupon_bot_blocked")).Should().Be(1);
        (await Scalar<long>("SELECT count(*) FROM bot_usage WHERE success")).Should().BeGreaterThan(0, "Isla's code was accepted");
        (await Scalar<string>("SELECT string_agg(channel_kind, ',' ORDER BY channel_kind, telegram_user_id) FROM channel_memberships WHERE status = 'member'"))
            .Should().Be("free,vip,vip");
    }

    [Fact]
    public async Task TheDemoData_ReadsInTheApi_AndItsMessagesGoOnlyToSandboxBots()
    {
        var token = await DevTokenAsync();
        // The app runs on from the time the seed was made (the shared app's clock, which earlier tests may have moved on).
        await using var app = new PromoStackFactory(
            Identity, new Dictionary<string, string?> { ["Auth:DevTokens"] = "true", ["Auth:DevKeyPath"] = KeyPath }, "Development", Telegram)
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Factory.Clock.GetUtcNow()),
        };
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // What the seed queued (welcomes, the journey, VIP invites, coupon previews) goes out when the app's workers run.
        for (var round = 0; round < 10; round++)
        {
            await app.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
            await app.Services.GetRequiredService<JourneyTimerWorker>().RunOnceAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            await app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
        }

        (await Scalar<long>("SELECT count(*) FROM telegram_outbox WHERE status <> 'sent'")).Should().Be(0, "every message went to a sandbox bot");
        Telegram.Server.LogEntries.Should().BeEmpty("nothing of the demo reaches Telegram");
        var users = await (await admin.GetAsync("/api/audience/users?pageSize=200")).JsonAsync();
        users.GetProperty("items").GetArrayLength().Should().Be(12);
        var vips = await (await admin.GetAsync("/api/audience/vip-members")).JsonAsync();
        vips.GetProperty("items").EnumerateArray().Select(v => (v.GetProperty("plan").GetString(), v.GetProperty("inVipChannel").GetBoolean()))
            .Should().BeEquivalentTo([("monthly", true), ("annual", true), ("lifetime", false)]);
        var finn = await (await admin.GetAsync($"/api/audience/users/{DemoAudience.FirstUserId + 6}")).JsonAsync();
        finn.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("detail").GetString())
            .Should().Contain("Thanks! Send /vip to see our VIP plans.", "the journey's delay ran out and its last message was sent");
        var summary = await (await admin.GetAsync("/api/audience/summary")).JsonAsync();
        summary.GetProperty("vip").GetInt32().Should().Be(3);
        summary.GetProperty("freeLeads").GetInt32().Should().Be(7);
    }

    [Fact]
    public async Task TheDemoData_IsMarked_AndCountsInNoFigure_NorAudience_WhileARealUserAndSubscriptionDo()
    {
        await DevTokenAsync();
        foreach (var table in (string[])["bot_users", "telegram_subscriptions", "channel_memberships", "journeys", "campaigns"])
        {
            (await Scalar<long>($"SELECT count(*) FROM {table} WHERE NOT is_demo")).Should().Be(0, $"everything the seed made in {table} is demo data");
        }

        var admin = ClientWith(Identity.Token("dev_demo_admin", "admin@demo.dev.promostack.local"));
        await FiguresShouldBeAsync(admin, vip: 0, freeLeads: 0, started: 0, churned: 0, recipients: 0);
        (await (await admin.GetAsync("/api/dashboard")).JsonAsync()).GetProperty("hasDemoData").GetBoolean().Should().BeTrue("the home screen says why its figures leave the listed demo data out");
        var setup = await (await admin.GetAsync("/api/setup")).JsonAsync();
        setup.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "first_journey").GetProperty("done").GetBoolean()
            .Should().BeFalse("the demo's journey is not the tenant's first journey");
        var users = await (await admin.GetAsync("/api/audience/users?pageSize=200")).JsonAsync();
        users.GetProperty("items").EnumerateArray().Should().OnlyContain(u => u.GetProperty("isDemo").GetBoolean(), "the demo users are listed, marked");
        var journeys = await (await admin.GetAsync("/api/journeys")).JsonAsync();
        journeys.EnumerateArray().Should().ContainSingle().Which.GetProperty("isDemo").GetBoolean().Should().BeTrue();

        // A real person starts the message bot and is granted a month: they count, the demo still does not.
        var messageBot = await Scalar<long>("SELECT bot_telegram_id FROM tenant_bot_connections WHERE bot_role = 'message_bot'");
        await InTenantAsync("demo", services => services.GetRequiredService<global::Mediator.ISender>().Send(new PromoStack.Application.Telegram.HandleTelegramUpdate(
            messageBot, new PromoStack.Application.Telegram.PrivateMessage(1, 555, new PromoStack.Application.Telegram.TelegramUser(555, "real_ray", "Ray", null), "/start"))).AsTask());
        await FiguresShouldBeAsync(admin, vip: 0, freeLeads: 1, started: 0, churned: 0, recipients: 1);
        (await admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "ray@example.com", plan = "monthly", telegramUserId = 555 })).Should().BeSuccessful();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1)); // the metrics' default period ends now, exclusive
        await FiguresShouldBeAsync(admin, vip: 1, freeLeads: 0, started: 1, churned: 0, recipients: 1);
    }

    private static async Task FiguresShouldBeAsync(HttpClient admin, int vip, int freeLeads, int started, int churned, int recipients)
    {
        var dashboard = await (await admin.GetAsync("/api/dashboard")).JsonAsync();
        dashboard.GetProperty("members").GetProperty("vipMembers").GetInt32().Should().Be(vip);
        dashboard.GetProperty("members").GetProperty("freeLeads").GetInt32().Should().Be(freeLeads);
        dashboard.GetProperty("revenue").GetProperty("new").GetInt32().Should().Be(started);
        dashboard.GetProperty("revenue").GetProperty("churned").GetInt32().Should().Be(churned);
        var metrics = await (await admin.GetAsync("/api/subscriptions/metrics")).JsonAsync();
        metrics.GetProperty("activeByPlan").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(vip);
        metrics.GetProperty("new").GetInt32().Should().Be(started);
        metrics.GetProperty("churned").GetInt32().Should().Be(churned);
        metrics.GetProperty("freeLeads").GetInt32().Should().Be(freeLeads);
        var daily = await (await admin.GetAsync("/api/subscriptions/metrics/daily")).JsonAsync();
        var days = daily.GetProperty("days").EnumerateArray().ToList();
        days.Sum(d => d.GetProperty("newSubscriptions").GetInt32()).Should().Be(started);
        days.Sum(d => d.GetProperty("churned").GetInt32()).Should().Be(churned);
        days[^1].GetProperty("activeAtEnd").GetInt32().Should().Be(vip);
        var audience = await (await admin.GetAsync("/api/broadcasts/audience?audience=all")).JsonAsync();
        audience.GetProperty("recipients").GetInt32().Should().Be(recipients);
        audience.GetProperty("reachable").GetInt32().Should().Be(recipients);
    }

    [Fact]
    public async Task SeedingTwice_CreatesNothingNew()
    {
        await DevTokenAsync();
        var first = await CountsAsync();

        await DevTokenAsync();
        var seeded = await SeedAgainAsync();

        (await CountsAsync()).Should().Equal(first);
        seeded.Should().Be(new DemoDataSeeded(false, false, 0, 0));
    }

    [Fact]
    public async Task WithARealMessageBot_NoDemoUserNorSubscriptionIsMade()
    {
        await DevTokenAsync();
        await TestDatabase.ExecuteAsync("DELETE FROM bot_users; DELETE FROM journey_user_sessions; DELETE FROM telegram_subscriptions; UPDATE tenant_bot_connections SET is_sandbox = false WHERE bot_role = 'message_bot'");

        var seeded = await SeedAgainAsync();

        seeded.Should().Be(new DemoDataSeeded(false, false, 0, 0));
        (await Scalar<long>("SELECT count(*) FROM bot_users")).Should().Be(0);
        (await Scalar<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
    }

    private string KeyPath => Path.Combine(_keyDirectory, "dev-signing-key.pem");

    private async Task<List<long>> CountsAsync()
    {
        var counts = new List<long>();
        foreach (var table in SeededTables)
        {
            counts.Add(await Scalar<long>($"SELECT count(*) FROM {table}"));
        }

        return counts;
    }

    private async Task<DemoDataSeeded> SeedAgainAsync()
    {
        DemoDataSeeded? seeded = null;
        await InTenantAsync("demo", async services => seeded = await services.GetRequiredService<global::Mediator.ISender>().Send(new SeedDemoData()));
        return seeded!;
    }

    private async Task<string> DevTokenAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:DevKeyPath"] = KeyPath }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Verbs.RunAsync(
            ["dev-token", "--tenant", "demo", "--role", "admin"], Factory.Services, new TestHostEnvironment("Development"), configuration, output, error);
        exitCode.Should().Be(0, error.ToString());
        return output.ToString().Trim();
    }

    private static Task<T> Scalar<T>(string sql) => TestDatabase.ScalarAsync<T>(sql);
}
