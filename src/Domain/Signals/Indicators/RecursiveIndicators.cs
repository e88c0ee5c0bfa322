namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// The indicators that carry a state from bar to bar: the EMA, Wilder's RSI, the true range and ATR, the directional
/// movement with ADX, and MACD. One candle at a time, in order; the live <see cref="IndicatorEngine"/> and the batch
/// <see cref="IndicatorSeries.Compute"/> both run this code. Nothing is allocated after construction.
/// </summary>
internal sealed class RecursiveIndicators(IndicatorSettings settings)
{
    private readonly bool _firstBarHighLow = settings.TrueRangeStart == TrueRangeStart.FirstBarHighLow;
    private SeededEma _ema = new(settings.EmaPeriod);
    private SeededEma _macdFast = new(settings.MacdFast);
    private SeededEma _macdSlow = new(settings.MacdSlow);
    private SeededEma _macdSignal = new(settings.MacdSignal);
    private WilderAverage _gain = new(settings.RsiPeriod);
    private WilderAverage _loss = new(settings.RsiPeriod);
    private WilderAverage _atr = new(settings.AtrPeriod);
    private WilderSum _adxTrueRange = new(settings.AdxPeriod);
    private WilderSum _plusDm = new(settings.AdxPeriod);
    private WilderSum _minusDm = new(settings.AdxPeriod);
    private WilderAverage _adx = new(settings.AdxPeriod);
    private bool _started;
    private double _previousClose;
    private double _previousHigh;
    private double _previousLow;

    /// <summary>
    /// Writes the EMA, RSI, true range, ATR, ±DI, DX, ADX and MACD fields of <paramref name="bar"/> for the next
    /// candle. A value once warm stays warm, so a field not written (a warm-up branch) keeps the NaN it started with.
    /// </summary>
    public void Step(in Candle candle, ref IndicatorBar bar)
    {
        bar.Ema = _ema.Add(candle.Close);
        if (!_started)
        {
            _started = true;
            if (_firstBarHighLow)
            {
                bar.TrueRange = candle.High - candle.Low;
                bar.Atr = _atr.Add(bar.TrueRange);
            }
        }
        else
        {
            var tr = Math.Max(candle.High - candle.Low, Math.Max(Math.Abs(candle.High - _previousClose), Math.Abs(candle.Low - _previousClose)));
            bar.TrueRange = tr;
            bar.Atr = _atr.Add(tr);
            bar.Rsi = Rsi(candle.Close - _previousClose);
            Directional(ref bar, candle, tr);
        }

        Macd(ref bar, candle.Close);
        _previousClose = candle.Close;
        _previousHigh = candle.High;
        _previousLow = candle.Low;
    }

    private double Rsi(double change)
    {
        var averageGain = _gain.Add(change > 0 ? change : 0);
        var averageLoss = _loss.Add(change < 0 ? -change : 0);
        if (double.IsNaN(averageGain) || double.IsNaN(averageLoss))
        {
            return double.NaN;
        }

        return averageLoss > 0 ? 100 - (100 / (1 + (averageGain / averageLoss))) : 100;
    }

    private void Directional(ref IndicatorBar bar, in Candle candle, double trueRange)
    {
        var up = candle.High - _previousHigh;
        var down = _previousLow - candle.Low;
        var tr = _adxTrueRange.Add(trueRange);
        var plus = _plusDm.Add(up > down && up > 0 ? up : 0);
        var minus = _minusDm.Add(down > up && down > 0 ? down : 0);
        if (double.IsNaN(tr) || double.IsNaN(plus) || double.IsNaN(minus))
        {
            return;
        }

        // A range of zero over the whole period (a frozen quote) has no direction at all.
        var plusDi = tr > 0 ? 100 * plus / tr : 0;
        var minusDi = tr > 0 ? 100 * minus / tr : 0;
        var dx = Dx(plusDi, minusDi);
        bar.PlusDi = plusDi;
        bar.MinusDi = minusDi;
        bar.Dx = dx;
        bar.Adx = _adx.Add(dx);
    }

    /// <summary>DX from ±DI (0 when both are 0); NaN while they warm up. <see cref="IndicatorSeries"/> works it out when read.</summary>
    public static double Dx(double plusDi, double minusDi)
    {
        if (double.IsNaN(plusDi))
        {
            return double.NaN;
        }

        var sum = plusDi + minusDi;
        return sum > 0 ? 100 * Math.Abs(plusDi - minusDi) / sum : 0;
    }

    private void Macd(ref IndicatorBar bar, double close)
    {
        var fast = _macdFast.Add(close);
        var slow = _macdSlow.Add(close);
        if (double.IsNaN(fast) || double.IsNaN(slow))
        {
            return;
        }

        var macd = fast - slow;
        var signal = _macdSignal.Add(macd);
        bar.Macd = macd;
        bar.MacdSignal = signal;
        bar.MacdHistogram = double.IsNaN(signal) ? double.NaN : macd - signal;
    }

    /// <summary>Wilder's average, seeded with the simple mean of its first <c>period</c> values, then (prev(n − 1) + x) / n; NaN while it warms up.</summary>
    private struct WilderAverage(int period)
    {
        private int _count;
        private double _value;

        public double Add(double value)
        {
            _count++;
            if (_count < period)
            {
                _value += value;
                return double.NaN;
            }

            _value = _count == period ? (_value + value) / period : ((_value * (period - 1)) + value) / period;
            return _value;
        }
    }

    /// <summary>Wilder's running sum: the sum of the first <c>period</c> values, then S − S/n + x; NaN while it warms up.</summary>
    private struct WilderSum(int period)
    {
        private int _count;
        private double _value;

        public double Add(double value)
        {
            _count++;
            if (_count <= period)
            {
                _value += value;
                return _count == period ? _value : double.NaN;
            }

            _value = _value - (_value / period) + value;
            return _value;
        }
    }
}
