using System.Net.Http.Json;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;
using PromoStack.Infrastructure.Schedules;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Signals;

/// <summary>
/// The engine end to end: real gold candles replayed (60× real time) through the schedule, signals posted to the VIP
/// channel of a fake Bot API, then edited and answered as they hit targets or stop out. Replayed candles make demo
/// signals, which never reach a real channel; the posting tests present the replay as a live feed.
/// </summary>
public sealed class ForexEngineTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const long VipChannel = -1001111111111;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly List<PromoStackFactory> _instances = [];

    public override async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task DemoSignals_FromReplayedCandles_AreNeverPostedToARealVipChannel()
    {
        var app = Instance();
        await SetUpTenantAsync(app);

        var sender = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(app.Services, new BotRateLimiter());
        for (var minute = 0; minute < 600 && await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals") == 0; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
            await sender.RunOnceAsync(CancellationToken.None);
        }

        (await TestDatabase.ScalarAsync<string>("SELECT source FROM forex_signals ORDER BY id LIMIT 1")).Should().Be("demo");
        Telegram.Calls("sendMessage").Should().BeEmpty("the signal bot is a real bot, not a sandbox");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox")).Should().Be(0);
    }

    [Fact]
    public async Task LiveCandles_OpenASignal_PostItToTheVipChannel_ThenEditAndAnswerItAsItMoves()
    {
        var app = Instance(live: true);
        await SetUpTenantAsync(app);

        var sender = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(app.Services, new BotRateLimiter());
        for (var minute = 0; minute < 600 && (Telegram.Calls("editMessageText").Count == 0 || Telegram.Calls("sendMessage").Count < 2); minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
            await sender.RunOnceAsync(CancellationToken.None);
        }

        var post = Telegram.Calls("sendMessage").First().Body;
        post.GetProperty("chat_id").GetInt64().Should().Be(VipChannel);
        post.GetProperty("text").GetString().Should().Contain("XAU/USD").And.Contain("Entry:").And.NotContain("Demo signal");
        var edit = Telegram.Calls("editMessageText").Should().NotBeEmpty().And.Subject.First().Body;
        edit.GetProperty("message_id").GetInt32().Should().Be(500, "the edit waited for the post's message id");
        Telegram.Calls("sendMessage").Skip(1).Should().Contain(c => c.Body.GetProperty("reply_parameters").GetProperty("message_id").GetInt32() == 500);
        (await TestDatabase.ScalarAsync<string>("SELECT source FROM forex_signals ORDER BY id LIMIT 1")).Should().Be("live");
        (await TestDatabase.ScalarAsync<int?>("SELECT telegram_message_id FROM forex_signals ORDER BY id LIMIT 1")).Should().Be(500);
        var last = await (await Admin(app).GetAsync("/api/forex/check")).JsonAsync();
        last.GetProperty("outcome").GetString().Should().BeOneOf("no_signal", "held_back", "signal_opened");
    }

    [Fact]
    public async Task ASignalThatHitTp1_ListsItsPostItsEditAndTheTp1Reply_WithTheirTexts_AndIsNotFoundForAnotherTenant()
    {
        var app = Instance(live: true);
        await SetUpTenantAsync(app);

        var sender = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(app.Services, new BotRateLimiter());
        for (var minute = 0; minute < 3_000 && await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals WHERE targets_hit > 0") == 0; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
            await sender.RunOnceAsync(CancellationToken.None);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await sender.RunOnceAsync(CancellationToken.None);
        var id = await TestDatabase.ScalarAsync<int>("SELECT id FROM forex_signals WHERE targets_hit > 0 ORDER BY id LIMIT 1");
        var posts = (await (await Admin(app).GetAsync($"/api/forex/signals/{id}")).JsonAsync()).GetProperty("posts").EnumerateArray().ToList();

        var post = posts.Should().ContainSingle(p => p.GetProperty("step").GetString() == "opened").Subject;
        post.GetProperty("channel").GetString().Should().Be("vip");
        post.GetProperty("chatId").GetInt64().Should().Be(VipChannel);
        post.GetProperty("status").GetString().Should().Be("sent");
        post.GetProperty("telegramMessageId").GetInt32().Should().Be(500);
        post.GetProperty("sentAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.String);
        post.GetProperty("content").GetProperty("kind").GetString().Should().Be("text");
        post.GetProperty("content").GetProperty("parseMode").GetString().Should().Be("HTML");
        post.GetProperty("content").GetProperty("text").GetString().Should().Contain("<b>").And.Contain("XAU/USD").And.Contain("Entry:");
        var tp1 = posts.Where(p => p.GetProperty("step").GetString() == "tp1").ToDictionary(p => p.GetProperty("content").GetProperty("kind").GetString()!);
        tp1.Keys.Should().BeEquivalentTo(["edit", "reply"]);
        tp1["reply"].GetProperty("content").GetProperty("text").GetString().Should().Contain("TP1 hit");
        tp1["reply"].GetProperty("dependsOnId").GetInt64().Should().Be(post.GetProperty("id").GetInt64());
        tp1["reply"].GetProperty("status").GetString().Should().Be("sent");
        tp1["edit"].GetProperty("content").GetProperty("text").GetString().Should().Contain("Entry:").And.Contain("Status:", "the post is edited to the signal's status then");
        tp1["edit"].GetProperty("dependsOnId").GetInt64().Should().Be(post.GetProperty("id").GetInt64());
        posts.Select(p => p.GetProperty("createdAt").GetDateTimeOffset()).Should().BeInAscendingOrder();

        var beta = await Given.TenantAsync(app, Identity, "user_forex_beta", "beta");
        (await beta.GetAsync($"/api/forex/signals/{id}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoInstances_TickingTogether_NeverOpenTwoSignalsOnOneCandle()
    {
        var first = Instance();
        var second = Instance();
        await SetUpTenantAsync(first);

        for (var minute = 0; minute < 150; minute++)
        {
            first.Clock.Advance(TimeSpan.FromMinutes(1));
            second.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(
                first.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None),
                second.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None));
        }

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals")).Should().BeGreaterThan(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM schedule_slots WHERE last_error IS NOT NULL")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM (SELECT created_at FROM forex_signals GROUP BY created_at HAVING count(*) > 1) d"))
            .Should().Be(0, "no two signals opened at the same moment");
        (await TestDatabase.ScalarAsync<long>(
                "SELECT count(*) FROM forex_signals a JOIN forex_signals b ON a.id < b.id AND b.created_at < coalesce(a.closed_at, 'infinity')"))
            .Should().Be(0, "a signal opens only once the previous one has closed");
    }

    [Fact]
    public async Task AnOpenSignalItsStrategyNowContradicts_IsClosedAsInvalidated()
    {
        var app = Instance();
        await SetUpTenantAsync(app);
        (await Admin(app).PutAsJsonAsync("/api/forex/config", new
        {
            settings = new Dictionary<string, string?> { ["enabled"] = "false", ["timeout_hours"] = "168", ["revalidate_after_minutes"] = "90" },
        })).EnsureSuccessStatusCode();
        await InTenantAsync("alpha", async services =>
        {
            // Far targets and stop: only a contradiction can end it. Opened long before the replayed market's clock.
            var db = services.GetRequiredService<PromoStack.Infrastructure.Persistence.AppDbContext>();
            db.ForexSignals.Add(PromoStack.Domain.Signals.ForexSignal.Open(
                "alpha", PromoStack.Domain.Signals.SignalDirection.Buy, "15min", new PromoStack.Domain.Signals.SignalLevels(3300m, 100m, 9000m, 9100m, 9200m), "{}",
                new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero),
                new PromoStack.Domain.Signals.SignalOrigin(PromoStack.Domain.Signals.Instrument.XauUsd, "aggressive", PromoStack.Domain.Signals.SignalSource.Demo,
                    PromoStack.Domain.Signals.ExitPlan.Default)));
            await db.SaveChangesAsync();
        });

        for (var minute = 0; minute < 300 && await TestDatabase.ScalarAsync<string>("SELECT status FROM forex_signals") == "ACTIVE"; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        }

        (await TestDatabase.ScalarAsync<string>("SELECT close_reason FROM forex_signals")).Should().Be("invalidated");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals")).Should().Be(1, "the engine is off: nothing else opened");
    }

    /// <param name="live">The replay presented as a live feed (its signals are live ones).</param>
    private PromoStackFactory Instance(bool live = false)
    {
        var app = new PromoStackFactory(
            Identity,
            new Dictionary<string, string?>
            {
                ["MarketData:Provider"] = "replay",
                ["MarketData:Csv:Path"] = Path.Combine(AppContext.BaseDirectory, "TestData", "ohlc", "xauusd_15m_sample_3000_utc.csv"),
                ["MarketData:Replay:Speed"] = "60",
            },
            telegram: Telegram)
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start),
            ConfigureServices = live
                ? services =>
                {
                    var replay = services.Single(d => d.ServiceType == typeof(IMarketData));
                    services.Remove(replay);
                    services.AddSingleton<IMarketData>(sp => new LiveFeed((IMarketData)replay.ImplementationFactory!(sp)));
                }
                : null,
        };
        _instances.Add(app);
        return app;
    }

    private HttpClient Admin(PromoStackFactory app) => Given.SignedIn(app, Identity, "user_forex_admin");

    private async Task SetUpTenantAsync(PromoStackFactory app)
    {
        var admin = await Given.TenantAsync(app, Identity, "user_forex_admin");
        await Given.SignalBotAsync(admin, Telegram, VipChannel);
        (await admin.PutAsJsonAsync("/api/forex/config", new
        {
            settings = new Dictionary<string, string?>
            {
                ["enabled"] = "true", ["trading_days"] = "mon,tue,wed,thu,fri,sat,sun", ["trading_start_hour"] = "0", ["trading_end_hour"] = "24",
                ["cooldown_minutes"] = "0", ["pause_after_loss_minutes"] = "0", ["max_signals_per_day"] = "100", ["daily_loss_cap_pips"] = "0",
            },
        })).EnsureSuccessStatusCode();
    }

    /// <summary>The replay's candles as if a live provider sent them.</summary>
    private sealed class LiveFeed(IMarketData replay) : IMarketData
    {
        public DateTimeOffset Now => replay.Now;

        public bool IsReplay => false;

        public string Provider => "live-test-feed";

        public Task<IReadOnlyList<Candle>> ClosedCandlesAsync(Instrument instrument, string interval, int count, CancellationToken cancellationToken) =>
            replay.ClosedCandlesAsync(instrument, interval, count, cancellationToken);

        public Task<decimal> LatestPriceAsync(Instrument instrument, CancellationToken cancellationToken) => replay.LatestPriceAsync(instrument, cancellationToken);
    }
}
