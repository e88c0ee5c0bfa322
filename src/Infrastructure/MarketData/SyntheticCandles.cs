using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>
/// Gold-like 15-minute candles for the demo: a seeded random walk around 2,000 that switches between trending and
/// ranging regimes, on weekdays only, so every strategy finds signals and they run to targets and stops.
/// </summary>
public static class SyntheticCandles
{
    public static Candle[] Generate(int count, int seed, DateTimeOffset start)
    {
        var random = new Random(seed);
        var candles = new Candle[count];
        var time = start;
        var close = 2_000.0;
        var drift = 0.0;
        for (var i = 0; i < count; i++)
        {
            while (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                time = time.AddMinutes(15);
            }

            if (i % 160 == 0)
            {
                // A new regime every 40 hours: up, down or sideways.
                drift = (random.Next(3) - 1) * (0.15 + (random.NextDouble() * 0.35));
            }

            var open = close;
            close = Math.Max(100, open + drift + (Gaussian(random) * 1.6));
            var wick = Math.Abs(Gaussian(random)) * 0.8;
            candles[i] = new Candle(time, Math.Round(open, 2), Math.Round(Math.Max(open, close) + wick, 2),
                Math.Round(Math.Min(open, close) - (Math.Abs(Gaussian(random)) * 0.8), 2), Math.Round(close, 2), random.Next(500, 5_000));
            time = time.AddMinutes(15);
        }

        return candles;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
