using BenchmarkDotNet.Attributes;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.DomainBenchmarks;

/// <summary>
/// Every indicator over a million candles at once, and one candle appended to a warm engine; against the floor of
/// two of them (EMA20 and Wilder's RSI14) in a plain loop in the same run, the baseline of the ratio column.
/// </summary>
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

    /// <summary>
    /// The floor: EMA20 (SMA-seeded) and Wilder's RSI14 (simple-mean seed) in one plain loop over the closes, each into
    /// its own array with NaN for warm-up, the conventions of the engine; what any implementation of two of the
    /// indicators costs at least.
    /// </summary>
    [Benchmark(Baseline = true, Description = "floor: EMA20 + RSI14, plain loop")]
    public (double[] Ema, double[] Rsi) Floor()
    {
        const int emaPeriod = 20, rsiPeriod = 14;
        const double k = 2.0 / (emaPeriod + 1);
        var candles = _candles;
        var ema = new double[candles.Length];
        var rsi = new double[candles.Length];
        double emaValue = 0, gain = 0, loss = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            var close = candles[i].Close;
            if (i < emaPeriod - 1)
            {
                emaValue += close;
                ema[i] = double.NaN;
            }
            else
            {
                emaValue = i == emaPeriod - 1 ? (emaValue + close) / emaPeriod : emaValue + (k * (close - emaValue));
                ema[i] = emaValue;
            }

            if (i == 0)
            {
                rsi[i] = double.NaN;
                continue;
            }

            var change = close - candles[i - 1].Close;
            var up = change > 0 ? change : 0;
            var down = change < 0 ? -change : 0;
            if (i < rsiPeriod)
            {
                gain += up;
                loss += down;
                rsi[i] = double.NaN;
                continue;
            }

            (gain, loss) = i == rsiPeriod
                ? ((gain + up) / rsiPeriod, (loss + down) / rsiPeriod)
                : (((gain * (rsiPeriod - 1)) + up) / rsiPeriod, ((loss * (rsiPeriod - 1)) + down) / rsiPeriod);
            rsi[i] = loss > 0 ? 100 - (100 / (1 + (gain / loss))) : 100;
        }

        return (ema, rsi);
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
