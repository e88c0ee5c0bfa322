using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Tests.Signals.Indicators;

public sealed class IndicatorEngineTests
{
    private static readonly Candle[] Gold = ReferenceCsv.Load("ohlc/xauusd_15m_sample_3000_utc.csv").Candles();

    [Fact]
    public void AppendingOneCandleAtATime_GivesTheBatchValuesAtEveryBar()
    {
        var batch = IndicatorSeries.Compute(Gold);
        var live = new IndicatorEngine();

        for (var i = 0; i < Gold.Length; i++)
        {
            live.Append(Gold[i]).Should().Be(batch[i], $"bar {i}");
        }

        live.Count.Should().Be(Gold.Length);
        live.Current.Should().Be(batch[Gold.Length - 1]);
    }

    [Fact]
    public void AppendingACandle_AllocatesNothing()
    {
        var engine = new IndicatorEngine();
        foreach (var candle in Gold.AsSpan(0, 1_000))
        {
            engine.Append(candle);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        foreach (var candle in Gold.AsSpan(1_000))
        {
            sum += engine.Append(candle).Adx ?? 0;
            sum += engine.Current.StochasticD ?? 0;
        }

        GC.GetAllocatedBytesForCurrentThread().Should().Be(before, "the live engine appends a candle without allocating");
        sum.Should().BePositive();
    }

    [Fact]
    public void WarmUp_IsNullNeverZero_AndEveryIndicatorHasAValueOnceWarm()
    {
        var series = IndicatorSeries.Compute(Gold);

        series[0].Should().Be(default(IndicatorValues), "nothing has a value on the first bar");
        series[12].Rsi.Should().BeNull();
        series[13].StochasticFastK.Should().NotBeNull();
        series[32].MacdSignal.Should().BeNull();
        var warm = series[33];
        new[]
        {
            warm.Sma, warm.Ema, warm.Rsi, warm.TrueRange, warm.Atr, warm.PlusDi, warm.MinusDi, warm.Dx, warm.Adx, warm.Macd, warm.MacdSignal,
            warm.MacdHistogram, warm.BollingerMiddle, warm.BollingerUpper, warm.BollingerLower, warm.StochasticFastK, warm.StochasticK, warm.StochasticD,
        }.Should().AllSatisfy(v => v.Should().NotBeNull());
    }

    [Fact]
    public void AFrozenQuote_GivesFiniteValues_NotNaNOrInfinity()
    {
        var flat = Enumerable.Range(0, 60).Select(i => new Candle(DateTimeOffset.UnixEpoch.AddMinutes(i), 100, 100, 100, 100)).ToArray();

        var last = IndicatorSeries.Compute(flat)[59];

        last.Rsi.Should().Be(100, "no losses at all");
        last.Atr.Should().Be(0);
        last.Adx.Should().Be(0);
        last.StochasticK.Should().Be(0);
        last.BollingerUpper.Should().Be(100);
    }

    [Theory]
    [InlineData(1, 26)]
    [InlineData(26, 12)]
    [InlineData(12, 12)]
    public void Settings_WithAMeaninglessPeriod_AreRejected(int fast, int slow)
    {
        var act = () => new IndicatorEngine(new IndicatorSettings { MacdFast = fast, MacdSlow = slow });

        act.Should().Throw<ArgumentException>();
    }
}
