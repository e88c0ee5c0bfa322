using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Domain.Tests.Signals.Strategies;

/// <summary>Backtests over the real 38,489 15-minute gold candles (tests/TestData/ohlc).</summary>
public sealed class BacktesterTests
{
    private static readonly PromoStack.Domain.Signals.Indicators.Candle[] Gold =
        Indicators.ReferenceCsv.Load("ohlc/xauusd_15m_2024-01_2025-08_utc.csv").Candles();

    [Theory]
    [InlineData("aggressive")]
    [InlineData("conservative")]
    [InlineData("trend_pullback")]
    public void EachStrategy_TradesOneSignalAtATime_WithinTheGates_AndItsFiguresAddUp(string strategy)
    {
        var settings = ForexSettings.Defaults.With(new Dictionary<string, string> { [ForexSettings.ActiveStrategyKey] = strategy });

        var result = Backtester.Run(Gold, settings, TimeZoneInfo.Utc);

        result.Trades.Should().NotBeEmpty();
        result.Candles.Should().Be(Gold.Length);
        result.Trades.Zip(result.Trades.Skip(1)).Should().AllSatisfy(pair => pair.Second.OpenedAt.Should().BeOnOrAfter(pair.First.ClosedAt!.Value));
        result.Trades.Should().AllSatisfy(t =>
        {
            t.OpenedAt.UtcDateTime.Hour.Should().BeInRange(8, 21);
            t.OpenedAt.DayOfWeek.Should().NotBe(DayOfWeek.Saturday).And.NotBe(DayOfWeek.Sunday);
            (t.ClosedAt!.Value - t.OpenedAt).Should().BeLessThanOrEqualTo(TimeSpan.FromHours(4.25));
        });
        result.Trades.GroupBy(t => t.OpenedAt.UtcDateTime.Date).Max(day => day.Count()).Should().BeLessThanOrEqualTo(5);
        result.EquityCurve[^1].Pips.Should().Be(result.TotalPips);
        result.Wins.Should().Be(result.Trades.Count(t => t.ResultPips > 0));
        result.WinRate.Should().BeInRange(0, 1);
        result.MaxDrawdownPips.Should().BeGreaterThanOrEqualTo(0);
        result.Rejections.Should().ContainKey("trading_hours");
    }

    [Fact]
    public void TheResult_NamesItsTimeframe_AndRunsFromTheFirstCandlesOpen_ToTheLastOnesClose()
    {
        var result = Backtester.Run(Gold[..500], ForexSettings.Defaults, TimeZoneInfo.Utc);

        result.Timeframe.Should().Be("15min");
        result.From.Should().Be(Gold[0].Time);
        result.To.Should().Be(Gold[499].Time + (Gold[499].Time - Gold[498].Time), "the last candle lasts as long as the one before it");
    }

    [Fact]
    public void WithoutCandles_ThereIsNoBacktest() =>
        FluentActions.Invoking(() => Backtester.Run([], ForexSettings.Defaults, TimeZoneInfo.Utc))
            .Should().Throw<PromoStack.Domain.Common.DomainException>().WithMessage("*needs candles*");

    [Fact]
    public void ATradeStoppedAfterTp1AtBreakeven_CountsAsAWin()
    {
        var result = Backtester.Run(Gold, ForexSettings.Defaults, TimeZoneInfo.Utc);

        result.Trades.Where(t => t is { Status: SignalStatus.Stopped, TargetsHit: 1 })
            .Should().NotBeEmpty().And.AllSatisfy(t => t.ResultPips.Should().BeGreaterThan(0));
    }

    [Fact]
    public void TheSameCandlesAndSettings_GiveTheSameTrades()
    {
        var first = Backtester.Run(Gold, ForexSettings.Defaults, TimeZoneInfo.Utc);
        var second = Backtester.Run(Gold, ForexSettings.Defaults, TimeZoneInfo.Utc);

        second.Trades.Should().Equal(first.Trades);
    }
}
