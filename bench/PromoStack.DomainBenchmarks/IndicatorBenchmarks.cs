using BenchmarkDotNet.Attributes;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.DomainBenchmarks;

/// <summary>Every indicator over a million candles at once, and one candle appended to a warm engine.</summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private Candle[] _candles = [];
    private IndicatorEngine _engine = null!;
    private int _next;

    [Params(1_000_000)]
    public int Candles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _candles = SyntheticCandles(Candles);
        _engine = new IndicatorEngine();
        foreach (var candle in _candles.AsSpan(0, 1_000))
        {
            _engine.Append(candle);
        }
    }

    [Benchmark(Description = "all indicators, whole series")]
    public IndicatorSeries Series() => IndicatorSeries.Compute(_candles);

    [Benchmark(Description = "all indicators, one appended candle", OperationsPerInvoke = 1_000)]
    public IndicatorValues Append()
    {
        IndicatorValues last = default;
        for (var i = 0; i < 1_000; i++)
        {
            last = _engine.Append(_candles[_next]);
            _next = (_next + 1) % _candles.Length;
        }

        return last;
    }

    /// <summary>A seeded random walk around 2,000 with 15-minute bars: the shape of gold prices, reproducibly.</summary>
    private static Candle[] SyntheticCandles(int count)
    {
        var random = new Random(42);
        var candles = new Candle[count];
        var close = 2_000.0;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Max(1, open + ((random.NextDouble() - 0.5) * 4));
            var high = Math.Max(open, close) + (random.NextDouble() * 2);
            var low = Math.Min(open, close) - (random.NextDouble() * 2);
            candles[i] = new Candle(DateTimeOffset.UnixEpoch.AddMinutes(15L * i), open, high, low, close);
        }

        return candles;
    }
}
