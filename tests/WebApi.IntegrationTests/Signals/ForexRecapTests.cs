using System.Net.Http.Json;
using PromoStack.Domain.Signals;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Schedules;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Signals;

/// <summary>Daily and weekly recaps in the VIP channel, at the tenant's hour, once, and never for an empty period.</summary>
public sealed class ForexRecapTests(AppFixture fixture) : IntegrationTest(fixture)
{
    // Friday 2026-03-06, 21:00 UTC = 22:00 in Paris (the recap hour).
    private static readonly DateTimeOffset RecapTime = new(2026, 3, 6, 21, 0, 0, TimeSpan.Zero);
    private PromoStackFactory _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["MarketData:Provider"] = "twelvedata", ["MarketData:TwelveData:ApiKey"] = "test-key", ["MarketData:TwelveData:BaseUrl"] = "http://127.0.0.1:1" }, telegram: Telegram)
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RecapTime.AddMinutes(-65)),
        };
        var admin = await Given.TenantAsync(_app, Identity, "user_recap_admin", timezone: "Europe/Paris");
        await Given.SignalBotAsync(admin, Telegram, -1001111111111);
        (await admin.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["enabled"] = "true" } })).EnsureSuccessStatusCode();
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AtTheRecapHour_TheDaysAndTheWeeksResultsArePosted_LossesIncluded_Once()
    {
        await AddClosedAsync(RecapTime.AddHours(-5), 2010m, SignalSource.Live);
        await AddClosedAsync(RecapTime.AddHours(-3), 1990m, SignalSource.Live);
        await AddClosedAsync(RecapTime.AddDays(-3), 2020m, SignalSource.Live);
        await AddClosedAsync(RecapTime.AddHours(-2), 2030m, SignalSource.Demo);

        await TickAsync(TimeSpan.FromMinutes(65));
        await TickAsync(TimeSpan.FromMinutes(1));

        var recaps = Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()!).ToList();
        recaps.Should().HaveCount(2);
        var daily = recaps.Single(t => t.Contains("Daily recap"));
        daily.Should().Contain("Signals: 2").And.Contain("wins 1").And.Contain("losses 1").And.Contain("<b>0 pips</b>").And.Contain("stopped -100 pips");
        var weekly = recaps.Single(t => t.Contains("Weekly recap"));
        weekly.Should().Contain("Signals: 3").And.Contain("<b>+200 pips</b>").And.NotContain("2030");
    }

    [Fact]
    public async Task APeriodWithoutSignals_PostsNothing()
    {
        await TickAsync(TimeSpan.FromMinutes(65));

        Telegram.Calls("sendMessage").Should().BeEmpty();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox")).Should().Be(0);
    }

    [Fact]
    public async Task BeforeTheRecapHour_YesterdaysRecapIsTheOneDue()
    {
        await AddClosedAsync(RecapTime.AddDays(-1).AddHours(-2), 2010m, SignalSource.Live);

        await TickAsync(TimeSpan.FromMinutes(5));

        Telegram.Calls("sendMessage").Should().ContainSingle().Which.Body.GetProperty("text").GetString().Should().Contain("Daily recap</b> · Thu 5 Mar 2026");
    }

    [Fact]
    public async Task WhenTheProviderIsDown_TheCheckSaysSo_AndTheScheduleCarriesOn()
    {
        var admin = Given.SignedIn(_app, Identity, "user_recap_admin");

        var check = await (await admin.PostAsync("/api/forex/check", null)).JsonAsync();
        await TickAsync();
        await TickAsync(TimeSpan.FromMinutes(1));

        check.GetProperty("outcome").GetString().Should().Be("market_unavailable");
        check.GetProperty("reason").GetString().Should().Contain("unreachable").And.NotContain("test-key");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM schedule_slots WHERE job = 'forex-check' AND completed_at IS NOT NULL"))
            .Should().Be(2, "each tick's check ran to its end and the next one tried again");
        (await TestDatabase.ScalarAsync<string>("SELECT outcome FROM forex_check_states")).Should().Be("market_unavailable");
    }

    private async Task TickAsync(TimeSpan? advance = null)
    {
        _app.Clock.Advance(advance ?? TimeSpan.FromMinutes(5));
        await _app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        var sender = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(_app.Services, new BotRateLimiter());

        // A channel's posts go out in order, one per run.
        while (await sender.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task AddClosedAsync(DateTimeOffset closedAt, decimal exit, SignalSource source)
    {
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var signal = ForexSignal.Open("alpha", SignalDirection.Buy, "15min", new SignalLevels(2000m, 1990m, 2012m, 2020m, 2025m), "{}", closedAt.AddHours(-1),
                new SignalOrigin(Instrument.XauUsd, "aggressive", source, ExitPlan.Default));
            if (exit < 2000m)
            {
                signal.Stop(closedAt);
            }
            else
            {
                signal.Close(SignalCloseReason.Manual, exit, closedAt);
            }

            db.ForexSignals.Add(signal);
            await db.SaveChangesAsync();
        });
    }
}
