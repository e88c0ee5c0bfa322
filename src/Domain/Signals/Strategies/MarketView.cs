using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Signals.Strategies;

/// <summary>
/// Candles and everything the strategies read from them, computed once for the whole series (so a backtest over
/// 38,000 candles stays O(n)): the indicator set, EMA50/EMA200, and hourly candles aggregated from the series with
/// their EMA200, for the trend filter of the pullback strategy.
/// </summary>
public sealed class MarketView
{
    private MarketView(Candle[] candles)
    {
        Candles = candles;
        Indicators = IndicatorSeries.Compute(candles);
        var closes = Averages.Closes(candles);
        Ema50 = Averages.Ema(closes, 50);
        Ema200 = Averages.Ema(closes, 200);
        (Hourly, CompletedHourAt) = AggregateHours(candles);
        HourlyEma200 = Averages.Ema(Averages.Closes(Hourly), 200);
    }

    public Candle[] Candles { get; }
    public IndicatorSeries Indicators { get; }
    public double[] Ema50 { get; }
    public double[] Ema200 { get; }
    public Candle[] Hourly { get; }
    public double[] HourlyEma200 { get; }

    /// <summary>For each candle, the index of the last hourly candle complete at its close (−1 before the first).</summary>
    public int[] CompletedHourAt { get; }

    public static MarketView Create(Candle[] candles) => new(candles);

    private static (Candle[] Hourly, int[] CompletedAt) AggregateHours(Candle[] candles)
    {
        var (hourly, hourOf) = CandleSeries.Hourly(candles);
        var completedAt = new int[candles.Length];
        for (var i = 0; i < candles.Length; i++)
        {
            // The hour a candle belongs to is complete once the candle closes at or after the hour's end.
            var hour = hourOf[i];
            completedAt[i] = CandleSeries.CloseTime(candles, i) >= hourly[hour].Time.AddHours(1) ? hour : hour - 1;
        }

        return (hourly, completedAt);
    }
}
