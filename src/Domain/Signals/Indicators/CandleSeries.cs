namespace PromoStack.Domain.Signals.Indicators;

/// <summary>Facts about a series of candles that strategies, backtests and replays all need.</summary>
public static class CandleSeries
{
    /// <summary>When candle <paramref name="index"/> closes: when the next one opens, or one spacing after it for the last.</summary>
    public static DateTimeOffset CloseTime(ReadOnlySpan<Candle> candles, int index) =>
        index + 1 < candles.Length
            ? candles[index + 1].Time
            : candles[index].Time + (index > 0 ? candles[index].Time - candles[index - 1].Time : TimeSpan.FromMinutes(15));

    /// <summary>Hourly candles built from shorter ones (the last may still be forming), and the hour each candle falls in.</summary>
    public static (Candle[] Hourly, int[] HourOf) Hourly(ReadOnlySpan<Candle> candles)
    {
        var hourly = new List<Candle>((candles.Length / 4) + 1);
        var hourOf = new int[candles.Length];
        for (var i = 0; i < candles.Length; i++)
        {
            var c = candles[i];
            // The hour of the candle's clock time, as UTC (its ticks cut to the hour, without splitting the date).
            var hour = new DateTimeOffset(c.Time.Ticks - (c.Time.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            if (hourly.Count > 0 && hourly[^1].Time == hour)
            {
                var h = hourly[^1];
                hourly[^1] = h with { High = Math.Max(h.High, c.High), Low = Math.Min(h.Low, c.Low), Close = c.Close, Volume = h.Volume + c.Volume };
            }
            else
            {
                hourly.Add(c with { Time = hour });
            }

            hourOf[i] = hourly.Count - 1;
        }

        return ([.. hourly], hourOf);
    }
}
