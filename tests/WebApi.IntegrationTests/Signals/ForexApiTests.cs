using System.Net;
using System.Net.Http.Json;
using PromoStack.Domain.Signals;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Signals;

public sealed class ForexApiTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
    }

    [Fact]
    public async Task Config_ShowsEveryKeyWithItsDefault_AndSavesValidChanges()
    {
        var defaults = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();
        Setting(defaults, "active_strategy").GetProperty("value").GetString().Should().Be("aggressive");
        Setting(defaults, "rsi_oversold").GetProperty("maximum").GetDouble().Should().Be(50);

        var saved = await (await _admin.Client.PutAsJsonAsync("/api/forex/config",
            new { settings = new Dictionary<string, string?> { ["rsi_oversold"] = "35", ["trading_days"] = "mon,wed" } })).JsonAsync();

        Setting(saved, "rsi_oversold").GetProperty("value").GetString().Should().Be("35");
        Setting(saved, "rsi_oversold").GetProperty("isDefault").GetBoolean().Should().BeFalse();
        Setting(saved, "trading_days").GetProperty("value").GetString().Should().Be("mon,wed");
    }

    [Fact]
    public async Task EnablingTheEngine_WithoutAMarketDataProvider_Is400NamingWhatIsMissing()
    {
        var response = await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["enabled"] = "true" } });

        (await response.Content.ReadAsStringAsync()).Should().Contain("MarketData__Provider");
        await response.ShouldHaveFieldErrorAsync("settings.enabled");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_config")).Should().Be(0, "nothing was saved");
    }

    [Theory]
    [InlineData("Production", null, "none")]
    [InlineData("Staging", null, "none")]
    [InlineData("Development", null, "replay")]
    [InlineData("Production", "replay", "replay")]
    public void OutsideDevelopment_NoProviderIsTheDefault_AReplayRunsOnlyWhenSomeoneConfiguresIt(string environment, string? configured, string expected)
    {
        var options = new PromoStack.Infrastructure.MarketData.MarketDataOptions { Provider = configured };

        options.ProviderIn(development: environment == "Development").Should().Be(expected);
        Factory.Services.GetRequiredService<PromoStack.Application.Signals.IMarketData>().Provider.Should().Be("none", "the tests' app runs in Testing with no provider set");
    }

    [Theory]
    [InlineData("martingale_factor", "2", "settings.martingale_factor")]
    [InlineData("rsi_oversold", "80", "settings.rsi_oversold")]
    [InlineData("active_strategy", "yolo", "settings.active_strategy")]
    [InlineData("partials", "50/50/50", "settings.partials")]
    [InlineData("trading_days", "funday", "settings.trading_days")]
    public async Task Config_WithAnUnknownKeyOrABadValue_Is400(string key, string value, string field)
    {
        var response = await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { [key] = value } });

        await response.ShouldHaveFieldErrorAsync(field);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_config")).Should().Be(0);
    }

    [Fact]
    public async Task Config_CanOnlyBeChangedByAnAdmin()
    {
        var member = await NewMemberAsync(_admin, "user_forex_member", "member");

        (await member.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["rsi_oversold"] = "35" } }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.Client.GetAsync("/api/forex/config")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AStrategySwitch_WhileASignalIsOpen_WaitsUntilItCloses()
    {
        var id = await AddSignalAsync("alpha", SignalSource.Live);

        var queued = await (await _admin.Client.PutAsJsonAsync("/api/forex/config",
            new { settings = new Dictionary<string, string?> { ["active_strategy"] = "conservative" } })).JsonAsync();

        Setting(queued, "active_strategy").GetProperty("value").GetString().Should().Be("aggressive");
        queued.GetProperty("pendingStrategy").GetString().Should().Be("conservative");

        (await _admin.Client.PostAsJsonAsync($"/api/forex/signals/{id}/close", new { price = 2005m })).EnsureSuccessStatusCode();
        await _admin.Client.PostAsync("/api/forex/check", null);

        var applied = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();
        Setting(applied, "active_strategy").GetProperty("value").GetString().Should().Be("conservative");
        applied.GetProperty("pendingStrategy").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Signals_AreListedNewestFirst_WithoutDemoSignalsUnlessAsked_AndFiltered()
    {
        await AddSignalAsync("alpha", SignalSource.Live, SignalDirection.Buy);
        await AddSignalAsync("alpha", SignalSource.Demo, SignalDirection.Sell);
        await AddSignalAsync("alpha", SignalSource.Live, SignalDirection.Sell);

        var live = await (await _admin.Client.GetAsync("/api/forex/signals")).JsonAsync();
        var all = await (await _admin.Client.GetAsync("/api/forex/signals?includeDemo=true")).JsonAsync();
        var sells = await (await _admin.Client.GetAsync("/api/forex/signals?direction=sell&pageSize=1")).JsonAsync();

        live.GetProperty("total").GetInt32().Should().Be(2);
        all.GetProperty("total").GetInt32().Should().Be(3);
        sells.GetProperty("total").GetInt32().Should().Be(1);
        sells.GetProperty("items")[0].GetProperty("direction").GetString().Should().Be("sell");
    }

    [Theory]
    [InlineData("status=lost")]
    [InlineData("direction=up")]
    [InlineData("strategy=martingale")]
    [InlineData("page=0")]
    [InlineData("from=2026-03-05T00:00:00Z&to=2026-03-04T00:00:00Z")]
    public async Task Signals_WithBadFilters_Are400(string query)
    {
        await (await _admin.Client.GetAsync($"/api/forex/signals?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Close_EndsAnOpenSignalWithItsWeightedResult_AndIs409ForAClosedOne()
    {
        var id = await AddSignalAsync("alpha", SignalSource.Live);

        var closed = await (await _admin.Client.PostAsJsonAsync($"/api/forex/signals/{id}/close", new { price = 2005m })).JsonAsync();

        closed.GetProperty("status").GetString().Should().Be("closed");
        closed.GetProperty("closeReason").GetString().Should().Be("manual");
        closed.GetProperty("resultPips").GetDecimal().Should().Be(50m);
        await (await _admin.Client.PostAsJsonAsync($"/api/forex/signals/{id}/close", new { price = 2005m })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.Client.PostAsJsonAsync($"/api/forex/signals/{id}/close", new { price = -1m })).ShouldHaveFieldErrorAsync("price");
    }

    [Fact]
    public async Task AnotherTenantsSignals_AreInvisibleAndUntouchable()
    {
        await NewTenantAsync("beta");
        var theirs = await AddSignalAsync("beta", SignalSource.Live);

        (await _admin.Client.GetAsync($"/api/forex/signals/{theirs}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _admin.Client.PostAsJsonAsync($"/api/forex/signals/{theirs}/close", new { price = 2005m })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await _admin.Client.GetAsync("/api/forex/signals")).JsonAsync()).GetProperty("total").GetInt32().Should().Be(0);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM forex_signals WHERE id = @p0", theirs)).Should().Be("ACTIVE");
    }

    [Fact]
    public async Task AnotherTenantsConfig_IsItsOwn()
    {
        var beta = await NewTenantAsync("beta");
        (await beta.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["rsi_oversold"] = "25" } })).EnsureSuccessStatusCode();

        var ours = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();

        Setting(ours, "rsi_oversold").GetProperty("value").GetString().Should().Be("40");
        (await TestDatabase.ScalarAsync<string>("SELECT tenant_id FROM forex_config WHERE setting_key = 'rsi_oversold'")).Should().Be("beta");
    }

    [Fact]
    public async Task Analytics_WeighResultsPerStrategyAndDay_WithAnEquityCurve_AndLeaveDemoOut()
    {
        await AddClosedAsync(SignalSource.Live, 2010m, Now.AddHours(-30));
        await AddClosedAsync(SignalSource.Live, 1995m, Now.AddHours(-2));
        await AddClosedAsync(SignalSource.Demo, 2020m, Now.AddHours(-1));

        var analytics = await (await _admin.Client.GetAsync(
            $"/api/forex/analytics?from={Uri.EscapeDataString(Now.AddDays(-3).ToString("O"))}&to={Uri.EscapeDataString(Now.AddDays(1).ToString("O"))}")).JsonAsync();

        var total = analytics.GetProperty("total");
        total.GetProperty("signals").GetInt32().Should().Be(2);
        total.GetProperty("wins").GetInt32().Should().Be(1);
        total.GetProperty("pips").GetDecimal().Should().Be(100m - 50m);
        analytics.GetProperty("bestPips").GetDecimal().Should().Be(100m);
        analytics.GetProperty("byDay").GetArrayLength().Should().Be(2);
        analytics.GetProperty("equity").EnumerateArray().Select(p => p.GetProperty("pips").GetDecimal()).Should().Equal(100m, 50m);
        analytics.GetProperty("byStrategy").GetProperty("aggressive").GetProperty("signals").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Analytics_GiveRiskMultiplesBesidePips_InAll_PerStrategy_AndPerDay()
    {
        // Entry 2000, stop 1990: a risk of 10 (100 pips). Closed by hand before any target, the whole position at the exit.
        await AddClosedAsync(SignalSource.Live, 2010m, Now.AddHours(-30));
        await AddClosedAsync(SignalSource.Live, 1995m, Now.AddHours(-2));
        await AddClosedAsync(SignalSource.Live, 2012m, Now.AddHours(-1), "conservative");

        var analytics = await (await _admin.Client.GetAsync(
            $"/api/forex/analytics?from={Uri.EscapeDataString(Now.AddDays(-3).ToString("O"))}&to={Uri.EscapeDataString(Now.AddDays(1).ToString("O"))}")).JsonAsync();

        var total = analytics.GetProperty("total");
        total.GetProperty("r").GetDecimal().Should().Be(1m - 0.5m + 1.2m);
        total.GetProperty("averageR").GetDecimal().Should().Be(0.5667m);
        var aggressive = analytics.GetProperty("byStrategy").GetProperty("aggressive");
        (aggressive.GetProperty("pips").GetDecimal(), aggressive.GetProperty("r").GetDecimal(), aggressive.GetProperty("averageR").GetDecimal())
            .Should().Be((50m, 0.5m, 0.25m));
        var conservative = analytics.GetProperty("byStrategy").GetProperty("conservative");
        (conservative.GetProperty("pips").GetDecimal(), conservative.GetProperty("r").GetDecimal()).Should().Be((120m, 1.2m));
        analytics.GetProperty("byDay").EnumerateArray()
            .Select(d => (d.GetProperty("day").GetString(), d.GetProperty("result").GetProperty("pips").GetDecimal(), d.GetProperty("result").GetProperty("r").GetDecimal()))
            .Should().Equal(("2026-03-03", 100m, 1m), ("2026-03-04", 70m, 0.7m));
    }

    [Fact]
    public async Task Backtest_OfSentCandles_ReturnsTradesAndFigures_AndBadCandlesAre400()
    {
        var candles = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "ohlc", "xauusd_15m_sample_3000_utc.csv")).Skip(1).Take(2_500)
            .Select(l => l.Split(','))
            .Select(c => new { time = c[0], open = double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture),
                high = double.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture), low = double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture),
                close = double.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();

        var result = await (await _admin.Client.PostAsJsonAsync("/api/forex/backtest", new { strategy = "aggressive", candles })).JsonAsync();

        result.GetProperty("candles").GetInt32().Should().Be(2_500);
        result.GetProperty("trades").GetInt32().Should().BeGreaterThan(0).And.Be(result.GetProperty("tradeList").GetArrayLength());
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals")).Should().Be(0, "a backtest never writes a signal");

        await (await _admin.Client.PostAsJsonAsync("/api/forex/backtest", new { candles = candles.Take(10) })).ShouldHaveFieldErrorAsync("candles");
        await (await _admin.Client.PostAsJsonAsync("/api/forex/backtest", new { strategy = "yolo" })).ShouldHaveFieldErrorAsync("strategy");
        await (await _admin.Client.PostAsJsonAsync("/api/forex/backtest", new { settings = new { rsi_oversold = "90" } })).ShouldHaveFieldErrorAsync("settings.rsi_oversold");
    }

    [Fact]
    public async Task TheEngine_WithoutSignIn_Is401()
    {
        (await Factory.CreateClient().GetAsync("/api/forex/signals")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Factory.CreateClient().PostAsync("/api/forex/check", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static System.Text.Json.JsonElement Setting(System.Text.Json.JsonElement config, string key) =>
        config.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private async Task<int> AddSignalAsync(string tenant, SignalSource source, SignalDirection direction = SignalDirection.Buy)
    {
        var id = 0;
        await InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var levels = direction == SignalDirection.Buy ? new SignalLevels(2000m, 1990m, 2012m, 2020m, 2025m) : new SignalLevels(2000m, 2010m, 1988m, 1980m, 1975m);
            var signal = ForexSignal.Open(tenant, direction, "15min", levels, "{}", Now, new SignalOrigin(Instrument.XauUsd, "aggressive", source, ExitPlan.Default));
            db.ForexSignals.Add(signal);
            await db.SaveChangesAsync();
            id = signal.Id;
        });
        return id;
    }

    private async Task AddClosedAsync(SignalSource source, decimal exit, DateTimeOffset closedAt, string strategy = "aggressive")
    {
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var signal = ForexSignal.Open("alpha", SignalDirection.Buy, "15min", new SignalLevels(2000m, 1990m, 2012m, 2020m, 2025m), "{}", closedAt.AddHours(-1),
                new SignalOrigin(Instrument.XauUsd, strategy, source, ExitPlan.Default));
            signal.Close(SignalCloseReason.Manual, exit, closedAt);
            db.ForexSignals.Add(signal);
            await db.SaveChangesAsync();
        });
    }
}
