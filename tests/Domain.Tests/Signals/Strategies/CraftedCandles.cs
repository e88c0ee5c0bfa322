using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Tests.Signals.Strategies;

/// <summary>Candle series shaped for a strategy case, 15 minutes apart from a Monday 10:00 UTC.</summary>
internal static class CraftedCandles
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Closes moving by <paramref name="step"/> a bar with a fixed range around them.</summary>
    public static List<Candle> Trend(int bars, double from, double step, double range = 1.0, int startIndex = 0)
    {
        var candles = new List<Candle>(bars);
        var close = from;
        for (var i = 0; i < bars; i++)
        {
            var open = close;
            close += step;
            candles.Add(new Candle(Start.AddMinutes(15 * (startIndex + i)), open, Math.Max(open, close) + (range / 2), Math.Min(open, close) - (range / 2), close));
        }

        return candles;
    }

    public static Candle[] Then(this List<Candle> first, Func<int, double, List<Candle>> next)
    {
        var rest = next(first.Count, first[^1].Close);
        return [.. first, .. rest];
    }

    /// <summary>A seeded zig-zag around a level: no trend at all.</summary>
    public static Candle[] Sideways(int bars, double level)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, bars).Select(i =>
        {
            var close = level + (random.NextDouble() - 0.5);
            return new Candle(Start.AddMinutes(15 * i), level, Math.Max(level, close) + 0.2, Math.Min(level, close) - 0.2, close);
        })];
    }
}
