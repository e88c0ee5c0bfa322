using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>Every trade, the equity curve and the gates' counts, as recorded before the engine was made faster.</summary>
    [Theory]
    [InlineData("aggressive", "1eb35486998ed1d71d211a43cea7c0538c3eba78469324b276af96b7e31a833d")]
    [InlineData("conservative", "a5f693f1d6cab70be67547b93e1736215bd6dbc73843ab7d49d17428dafd845e")]
    [InlineData("trend_pullback", "57317c5ed72b1ecb8d835a913f653653f4940e2cf61d308c549ce795354fa183")]
    public void EachStrategy_GivesTheRecordedResult(string strategy, string sha256)
    {
        var settings = ForexSettings.Defaults.With(new Dictionary<string, string> { [ForexSettings.ActiveStrategyKey] = strategy });

        var result = Backtester.Run(Gold, settings, TimeZoneInfo.Utc);

        var text = new StringBuilder();
        foreach (var t in result.Trades)
        {
            text.AppendJoin(',', t.Number, t.Direction, t.OpenedAt.ToString("O", CultureInfo.InvariantCulture), t.ClosedAt?.ToString("O", CultureInfo.InvariantCulture),
                t.Levels.Entry, t.Levels.StopLoss, t.Levels.TakeProfit1, t.Levels.TakeProfit2, t.Levels.TakeProfit3, t.Status, t.CloseReason, t.TargetsHit,
                t.ExitPrice, t.ResultPips, t.ResultR).Append('\n');
        }

        foreach (var point in result.EquityCurve)
        {
            text.Append(point.Time.ToString("O", CultureInfo.InvariantCulture)).Append(' ').Append(point.Pips.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var (gate, count) in result.Rejections.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append(gate).Append(' ').Append(count).Append('\n');
        }

        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).Should().Be(sha256);
    }
}
