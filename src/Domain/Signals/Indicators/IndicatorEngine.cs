namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// Every indicator, computed incrementally: <see cref="Append"/> one candle, get the values at that bar. O(1) per bar
/// (window sums are over a fixed period), and nothing is allocated after construction. The batch
/// <see cref="IndicatorSeries.Compute"/> runs this same code, so live monitoring and backtests agree to the bit.
/// </summary>
/// <remarks>
/// Conventions (those of Stock.Indicators, checked against its regression baselines): SMA-seeded EMAs; Wilder RSI and
/// ATR seeded with a simple mean; ADX from Wilder sums of TR/±DM, first at index 2n − 1; MACD signal seeded with the
/// SMA of the first MACD values; Bollinger bands with the population standard deviation; slow stochastic %K =
/// SMA(raw %K), %D = SMA(%K), raw %K = 0 when the range is flat.
/// </remarks>
public sealed class IndicatorEngine
{
    private readonly IndicatorSettings _settings;
    private readonly Window _closes;
    private readonly Window _highs;
    private readonly Window _lows;
    private readonly Window _rawK;
    private readonly Window _slowK;
    private SeededEma _ema;
    private SeededEma _macdFast;
    private SeededEma _macdSlow;
    private SeededEma _macdSignal;
    private WilderAverage _gain;
    private WilderAverage _loss;
    private WilderAverage _atr;
    private WilderSum _adxTrueRange;
    private WilderSum _plusDm;
    private WilderSum _minusDm;
    private WilderAverage _adx;
    private double _previousClose;
    private double _previousHigh;
    private double _previousLow;

    public IndicatorEngine(IndicatorSettings? settings = null)
    {
        _settings = (settings ?? IndicatorSettings.Default).Validated();
        _closes = new Window(Math.Max(_settings.SmaPeriod, _settings.BollingerPeriod));
        _highs = new Window(_settings.StochasticPeriod);
        _lows = new Window(_settings.StochasticPeriod);
        _rawK = new Window(_settings.StochasticSmooth);
        _slowK = new Window(_settings.StochasticSignal);
        _ema = new SeededEma(_settings.EmaPeriod);
        _macdFast = new SeededEma(_settings.MacdFast);
        _macdSlow = new SeededEma(_settings.MacdSlow);
        _macdSignal = new SeededEma(_settings.MacdSignal);
        _gain = new WilderAverage(_settings.RsiPeriod);
        _loss = new WilderAverage(_settings.RsiPeriod);
        _atr = new WilderAverage(_settings.AtrPeriod);
        _adxTrueRange = new WilderSum(_settings.AdxPeriod);
        _plusDm = new WilderSum(_settings.AdxPeriod);
        _minusDm = new WilderSum(_settings.AdxPeriod);
        _adx = new WilderAverage(_settings.AdxPeriod);
    }

    /// <summary>How many candles have been appended.</summary>
    public int Count { get; private set; }

    /// <summary>The values at the last appended candle (all null before the first).</summary>
    public IndicatorValues Current { get; private set; }

    public IndicatorValues Append(in Candle candle)
    {
        var first = Count == 0;
        Count++;
        _closes.Add(candle.Close);
        _highs.Add(candle.High);
        _lows.Add(candle.Low);

        var sma = _closes.Count >= _settings.SmaPeriod ? _closes.Sum(_settings.SmaPeriod) / _settings.SmaPeriod : (double?)null;
        var ema = _ema.Add(candle.Close);

        double? trueRange = null, atr = null, rsi = null, plusDi = null, minusDi = null, dx = null, adx = null;
        if (first)
        {
            if (_settings.TrueRangeStart == TrueRangeStart.FirstBarHighLow)
            {
                trueRange = candle.High - candle.Low;
                atr = _atr.Add(trueRange.Value);
            }
        }
        else
        {
            var tr = Math.Max(candle.High - candle.Low, Math.Max(Math.Abs(candle.High - _previousClose), Math.Abs(candle.Low - _previousClose)));
            trueRange = tr;
            atr = _atr.Add(tr);
            rsi = Rsi(candle.Close - _previousClose);
            (plusDi, minusDi, dx, adx) = Directional(candle, tr);
        }

        var (macd, signal, histogram) = Macd(candle.Close);
        var (middle, upper, lower) = Bollinger();
        var (fastK, slowK, slowD) = Stochastic(candle.Close);

        _previousClose = candle.Close;
        _previousHigh = candle.High;
        _previousLow = candle.Low;
        Current = new IndicatorValues(
            sma, ema, rsi, trueRange, atr, plusDi, minusDi, dx, adx, macd, signal, histogram, middle, upper, lower, fastK, slowK, slowD);
        return Current;
    }

    private double? Rsi(double change)
    {
        var gain = _gain.Add(change > 0 ? change : 0);
        var loss = _loss.Add(change < 0 ? -change : 0);
        if (gain is not { } averageGain || loss is not { } averageLoss)
        {
            return null;
        }

        return averageLoss > 0 ? 100 - (100 / (1 + (averageGain / averageLoss))) : 100;
    }

    private (double? PlusDi, double? MinusDi, double? Dx, double? Adx) Directional(in Candle candle, double trueRange)
    {
        var up = candle.High - _previousHigh;
        var down = _previousLow - candle.Low;
        var smoothedTr = _adxTrueRange.Add(trueRange);
        var smoothedPlus = _plusDm.Add(up > down && up > 0 ? up : 0);
        var smoothedMinus = _minusDm.Add(down > up && down > 0 ? down : 0);
        if (smoothedTr is not { } tr || smoothedPlus is not { } plus || smoothedMinus is not { } minus)
        {
            return (null, null, null, null);
        }

        // A range of zero over the whole period (a frozen quote) has no direction at all.
        var plusDi = tr > 0 ? 100 * plus / tr : 0;
        var minusDi = tr > 0 ? 100 * minus / tr : 0;
        var sum = plusDi + minusDi;
        var dx = sum > 0 ? 100 * Math.Abs(plusDi - minusDi) / sum : 0;
        return (plusDi, minusDi, dx, _adx.Add(dx));
    }

    private (double? Macd, double? Signal, double? Histogram) Macd(double close)
    {
        var fast = _macdFast.Add(close);
        var slow = _macdSlow.Add(close);
        if (fast is not { } f || slow is not { } s)
        {
            return (null, null, null);
        }

        var macd = f - s;
        var signal = _macdSignal.Add(macd);
        return (macd, signal, signal is { } value ? macd - value : null);
    }

    private (double? Middle, double? Upper, double? Lower) Bollinger()
    {
        var period = _settings.BollingerPeriod;
        if (_closes.Count < period)
        {
            return (null, null, null);
        }

        var mean = _closes.Sum(period) / period;
        var deviation = Math.Sqrt(_closes.SquaredDeviations(period, mean) / period);
        var width = _settings.BollingerWidth * deviation;
        return (mean, mean + width, mean - width);
    }

    private (double? FastK, double? SlowK, double? SlowD) Stochastic(double close)
    {
        var period = _settings.StochasticPeriod;
        if (_highs.Count < period)
        {
            return (null, null, null);
        }

        var highest = _highs.Max(period);
        var lowest = _lows.Min(period);
        var fastK = highest > lowest ? 100 * (close - lowest) / (highest - lowest) : 0;
        _rawK.Add(fastK);
        if (_rawK.Count < _settings.StochasticSmooth)
        {
            return (fastK, null, null);
        }

        var slowK = _rawK.Sum(_settings.StochasticSmooth) / _settings.StochasticSmooth;
        _slowK.Add(slowK);
        double? slowD = _slowK.Count >= _settings.StochasticSignal ? _slowK.Sum(_settings.StochasticSignal) / _settings.StochasticSignal : null;
        return (fastK, slowK, slowD);
    }

    /// <summary>The last values of a series, oldest first; a fixed ring.</summary>
    private sealed class Window(int capacity)
    {
        private readonly double[] _values = new double[capacity];
        private int _next;

        /// <summary>How many values were added (not capped at the capacity).</summary>
        public long Count { get; private set; }

        public void Add(double value)
        {
            _values[_next] = value;
            _next = (_next + 1) % _values.Length;
            Count++;
        }

        public double Sum(int last)
        {
            var sum = 0.0;
            for (var i = Start(last); last > 0; last--, i = Next(i))
            {
                sum += _values[i];
            }

            return sum;
        }

        public double SquaredDeviations(int last, double mean)
        {
            var sum = 0.0;
            for (var i = Start(last); last > 0; last--, i = Next(i))
            {
                var deviation = _values[i] - mean;
                sum += deviation * deviation;
            }

            return sum;
        }

        public double Max(int last)
        {
            var max = double.MinValue;
            for (var i = Start(last); last > 0; last--, i = Next(i))
            {
                max = Math.Max(max, _values[i]);
            }

            return max;
        }

        public double Min(int last)
        {
            var min = double.MaxValue;
            for (var i = Start(last); last > 0; last--, i = Next(i))
            {
                min = Math.Min(min, _values[i]);
            }

            return min;
        }

        private int Start(int last) => ((_next - last) % _values.Length + _values.Length) % _values.Length;

        private int Next(int index) => index + 1 == _values.Length ? 0 : index + 1;
    }

    /// <summary>Wilder's average, seeded with the simple mean of its first <c>period</c> values, then (prev(n − 1) + x) / n.</summary>
    private struct WilderAverage(int period)
    {
        private int _count;
        private double _value;

        public double? Add(double value)
        {
            _count++;
            if (_count < period)
            {
                _value += value;
                return null;
            }

            _value = _count == period ? (_value + value) / period : ((_value * (period - 1)) + value) / period;
            return _value;
        }
    }

    /// <summary>Wilder's running sum: the sum of the first <c>period</c> values, then S − S/n + x.</summary>
    private struct WilderSum(int period)
    {
        private int _count;
        private double _value;

        public double? Add(double value)
        {
            _count++;
            if (_count <= period)
            {
                _value += value;
                return _count == period ? _value : null;
            }

            _value = _value - (_value / period) + value;
            return _value;
        }
    }
}
