namespace PromoStack.Domain.Signals.Indicators;

/// <summary>Moving averages over a whole series beyond the engine's set (e.g. EMA50/EMA200 for trend filters).</summary>
public static class Averages
{
    /// <summary>The SMA-seeded EMA of <paramref name="values"/>; NaN while it warms up.</summary>
    public static double[] Ema(ReadOnlySpan<double> values, int period)
    {
        var ema = new SeededEma(period);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = ema.Add(values[i]);
        }

        return result;
    }

    public static double[] Closes(ReadOnlySpan<Candle> candles)
    {
        var closes = new double[candles.Length];
        for (var i = 0; i < candles.Length; i++)
        {
            closes[i] = candles[i].Close;
        }

        return closes;
    }
}
