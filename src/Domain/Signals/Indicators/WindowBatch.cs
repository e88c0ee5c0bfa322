using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// The window indicators (SMA, Bollinger bands, stochastic) of a whole series, a block of bars at a time, into the
/// columns of an <see cref="IndicatorSeries"/>. Each bar's window is added up oldest first from zero, and its extremes
/// folded from ∓<see cref="double.MaxValue"/>, exactly as <see cref="IndicatorEngine"/> does for one bar, but for
/// four bars at once, one in each lane of a vector: lanes never mix, and vector addition, subtraction,
/// multiplication, division, square root, maximum and minimum round each lane as the scalar operations do, so every
/// value is the engine's to the bit.
/// </summary>
internal sealed class WindowBatch
{
    /// <summary>Bars per block: the block's prices with their look-back stay in cache while every window reads them.</summary>
    public const int Block = 1024;

    private readonly IndicatorSettings _settings;
    private readonly int _lookback;
    private readonly double[] _closes;
    private readonly double[] _highs;
    private readonly double[] _lows;
    private readonly double[] _sma;
    private readonly double[] _middle;
    private readonly double[] _halfWidth;
    private readonly double[] _fastK;
    private readonly double[] _slowK;
    private readonly double[] _slowD;
    private int _filled;

    public WindowBatch(
        IndicatorSettings settings, double[] sma, double[] middle, double[] halfWidth, double[] fastK, double[] slowK, double[] slowD)
    {
        _settings = settings;
        _lookback = Math.Max(Math.Max(settings.SmaPeriod, settings.BollingerPeriod), settings.StochasticPeriod) - 1;
        (_closes, _highs, _lows) = (new double[_lookback + Block], new double[_lookback + Block], new double[_lookback + Block]);
        (_sma, _middle, _halfWidth, _fastK, _slowK, _slowD) = (sma, middle, halfWidth, fastK, slowK, slowD);
    }

    /// <summary>The values at bars [<paramref name="start"/>, start + candles.Length), every earlier bar being done.</summary>
    public void Compute(ReadOnlySpan<Candle> candles, int start)
    {
        // The prices of bar b are at b − start + lookback: the previous block's last ones move to the front.
        var lookback = _lookback;
        if (start > 0)
        {
            _closes.AsSpan(_filled, lookback).CopyTo(_closes);
            _highs.AsSpan(_filled, lookback).CopyTo(_highs);
            _lows.AsSpan(_filled, lookback).CopyTo(_lows);
        }

        for (var j = 0; j < candles.Length; j++)
        {
            _closes[lookback + j] = candles[j].Close;
            _highs[lookback + j] = candles[j].High;
            _lows[lookback + j] = candles[j].Low;
        }

        _filled = candles.Length;
        var end = start + candles.Length;

        var smaPeriod = _settings.SmaPeriod;
        var from = WarmUp(_sma, start, end, smaPeriod - 1);
        if (from < end)
        {
            Means(Prices(_closes, from, end, start, smaPeriod), smaPeriod, _sma.AsSpan(from, end - from));
        }

        var period = _settings.BollingerPeriod;
        from = WarmUp(_halfWidth, start, end, period - 1);
        if (period != smaPeriod)
        {
            // With the SMA's period the middle band is the SMA (the same sum divided the same way), in the same array.
            WarmUp(_middle, start, end, period - 1);
            if (from < end)
            {
                Means(Prices(_closes, from, end, start, period), period, _middle.AsSpan(from, end - from));
            }
        }

        if (from < end)
        {
            HalfWidths(
                Prices(_closes, from, end, start, period), period, _settings.BollingerWidth, _middle.AsSpan(from, end - from), _halfWidth.AsSpan(from, end - from));
        }

        period = _settings.StochasticPeriod;
        from = WarmUp(_fastK, start, end, period - 1);
        if (from < end)
        {
            FastK(Prices(_highs, from, end, start, period), Prices(_lows, from, end, start, period), Prices(_closes, from, end, start, 1), period,
                _fastK.AsSpan(from, end - from));
        }

        var smooth = _settings.StochasticSmooth;
        from = WarmUp(_slowK, start, end, period - 1 + smooth - 1);
        if (from < end)
        {
            Means(_fastK.AsSpan(from - smooth + 1, end - from + smooth - 1), smooth, _slowK.AsSpan(from, end - from));
        }

        var signal = _settings.StochasticSignal;
        from = WarmUp(_slowD, start, end, period - 1 + smooth - 1 + signal - 1);
        if (from < end)
        {
            Means(_slowK.AsSpan(from - signal + 1, end - from + signal - 1), signal, _slowD.AsSpan(from, end - from));
        }
    }

    /// <summary>NaN at the bars of [start, end) before <paramref name="first"/>; the first bar with a value (at most end).</summary>
    private static int WarmUp(double[] column, int start, int end, int first)
    {
        var from = Math.Clamp(first, start, end);
        column.AsSpan(start, from - start).Fill(double.NaN);
        return from;
    }

    /// <summary>The prices that the windows of bars [from, end) cover, <paramref name="period"/> each.</summary>
    private ReadOnlySpan<double> Prices(double[] prices, int from, int end, int start, int period) =>
        prices.AsSpan(from - start + _lookback - period + 1, end - from + period - 1);

    /// <summary>output[i] = (0 + values[i] + … + values[i + period − 1]) / period, added in that order.</summary>
    private static void Means(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        ref var value = ref MemoryMarshal.GetReference(values);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= output.Length; i += 4)
            {
                var sum = Vector256<double>.Zero;
                for (var k = 0; k < period; k++)
                {
                    sum += Vector256.LoadUnsafe(ref value, (nuint)(i + k));
                }

                (sum / period).CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            var sum = 0.0;
            foreach (var v in values.Slice(i, period))
            {
                sum += v;
            }

            output[i] = sum / period;
        }
    }

    /// <summary>The Bollinger bands' half-width around each mean: width × √(Σ (x − mean)² / period), the squares added in order.</summary>
    private static void HalfWidths(ReadOnlySpan<double> values, int period, double width, ReadOnlySpan<double> means, Span<double> output)
    {
        ref var value = ref MemoryMarshal.GetReference(values);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var widths = Vector256.Create(width);
            for (; i + 4 <= output.Length; i += 4)
            {
                var mean = Vector256.Create(means.Slice(i, 4));
                var squares = Vector256<double>.Zero;
                for (var k = 0; k < period; k++)
                {
                    var deviation = Vector256.LoadUnsafe(ref value, (nuint)(i + k)) - mean;
                    squares += deviation * deviation;
                }

                (widths * Vector256.Sqrt(squares / period)).CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            var mean = means[i];
            var squares = 0.0;
            foreach (var v in values.Slice(i, period))
            {
                var deviation = v - mean;
                squares += deviation * deviation;
            }

            output[i] = width * Math.Sqrt(squares / period);
        }
    }

    /// <summary>Raw %K: 100 (close − lowest low) / (highest high − lowest low), 0 when the range is flat.</summary>
    private static void FastK(ReadOnlySpan<double> highs, ReadOnlySpan<double> lows, ReadOnlySpan<double> closes, int period, Span<double> output)
    {
        ref var high = ref MemoryMarshal.GetReference(highs);
        ref var low = ref MemoryMarshal.GetReference(lows);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= output.Length; i += 4)
            {
                var highest = Vector256.Create(double.MinValue);
                var lowest = Vector256.Create(double.MaxValue);
                for (var k = 0; k < period; k++)
                {
                    highest = Vector256.Max(highest, Vector256.LoadUnsafe(ref high, (nuint)(i + k)));
                    lowest = Vector256.Min(lowest, Vector256.LoadUnsafe(ref low, (nuint)(i + k)));
                }

                var close = Vector256.Create(closes.Slice(i, 4));
                var k100 = Vector256.Create(100.0) * (close - lowest) / (highest - lowest);
                Vector256.ConditionalSelect(Vector256.GreaterThan(highest, lowest), k100, Vector256<double>.Zero).CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            var highest = double.MinValue;
            var lowest = double.MaxValue;
            for (var k = 0; k < period; k++)
            {
                highest = Math.Max(highest, highs[i + k]);
                lowest = Math.Min(lowest, lows[i + k]);
            }

            output[i] = highest > lowest ? 100 * (closes[i] - lowest) / (highest - lowest) : 0;
        }
    }
}
