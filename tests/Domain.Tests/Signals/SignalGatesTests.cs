using PromoStack.Domain.Signals;

namespace PromoStack.Domain.Tests.Signals;

public sealed class SignalGatesTests
{
    // Wednesday 2026-03-04 12:00 UTC.
    private static readonly DateTimeOffset Noon = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly ForexSettings Settings = ForexSettings.Defaults;

    private static GateRejection? Check(DateTimeOffset at, params GateHistoryEntry[] history) => Check(Settings, TimeZoneInfo.Utc, at, history);

    private static GateRejection? Check(ForexSettings settings, TimeZoneInfo zone, DateTimeOffset at, params GateHistoryEntry[] history) =>
        SignalGates.Check(settings, zone, at, history);

    private static GateHistoryEntry Closed(DateTimeOffset opened, TimeSpan open, decimal pips) => new("XAU/USD", opened, opened + open, pips);

    [Fact]
    public void NothingInTheWay_Passes() => Check(Noon).Should().BeNull();

    [Fact]
    public void AWeekend_IsNotATradingDay() => Check(Noon.AddDays(3))!.Gate.Should().Be("trading_days");

    [Theory]
    [InlineData(7)]
    [InlineData(22)]
    public void OutsideTradingHours_IsHeldBack(int hour) => Check(Noon.AddHours(hour - 12))!.Gate.Should().Be("trading_hours");

    [Fact]
    public void TradingHours_AreTheTenantsLocalHours()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        Check(Settings, tokyo, Noon).Should().BeNull("12:00 UTC is 21:00 in Tokyo, inside 08–22");
        Check(Settings, tokyo, Noon.AddHours(2))!.Gate.Should().Be("trading_hours", "14:00 UTC is 23:00 in Tokyo");
    }

    [Fact]
    public void AnOpenSignalOfTheSymbol_HoldsTheNextOneBack() =>
        Check(Noon, new GateHistoryEntry("XAU/USD", Noon.AddHours(-1), null, null))!.Gate.Should().Be("open_signal");

    [Fact]
    public void AnOpenSignalOfAnotherSymbol_DoesNot() =>
        Check(Noon, new GateHistoryEntry("EUR/USD", Noon.AddHours(-1), null, null)).Should().BeNull();

    [Fact]
    public void TheDailyMaximum_IsCountedInTheTenantsDay()
    {
        var five = Enumerable.Range(0, 5).Select(i => Closed(Noon.AddHours(-3).AddMinutes(30 * i), TimeSpan.FromMinutes(10), 5)).ToArray();

        Check(Noon, five)!.Gate.Should().Be("max_signals_per_day");
        Check(Noon.AddDays(1), five).Should().BeNull("a new day starts the count again");
    }

    [Fact]
    public void TheDailyLossCap_StopsTheDay()
    {
        Check(Noon, Closed(Noon.AddHours(-3), TimeSpan.FromMinutes(30), -30), Closed(Noon.AddHours(-2), TimeSpan.FromMinutes(30), -25))!
            .Gate.Should().Be("daily_loss_cap");
    }

    [Fact]
    public void ALoss_PausesForItsMinutes()
    {
        var loss = Closed(Noon.AddHours(-1), TimeSpan.FromMinutes(40), -10);

        Check(Noon, loss)!.Gate.Should().Be("pause_after_loss");
        Check(Noon.AddMinutes(11), loss).Should().BeNull();
    }

    [Fact]
    public void TheCooldown_SpacesSignals()
    {
        var win = Closed(Noon.AddMinutes(-15), TimeSpan.FromMinutes(5), 10);

        Check(Noon, win)!.Gate.Should().Be("cooldown");
        Check(Noon.AddMinutes(5), win).Should().BeNull();
    }
}
