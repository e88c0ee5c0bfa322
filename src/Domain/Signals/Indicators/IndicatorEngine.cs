namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// Every indicator, computed incrementally: <see cref="Append"/> one candle, get the values at that bar. O(1) per bar
/// (window sums are over a fixed period), and nothing is allocated after construction. The batch
/// <see cref="IndicatorSeries.Compute"/> runs the same code for the indicators that carry a state from bar to bar
/// (<see cref="RecursiveIndicators"/>) and the same arithmetic in the same order for the windows (SMA, Bollinger,
/// stochastic), several bars at once, so live monitoring and backtests agree to the bit (tests hold them to it).
/// </summary>
/// <remarks>
/// Conventions (those of Stock.Indicators, checked against its regression baselines): SMA-seeded EMAs; Wilder RSI and
/// ATR seeded with a simple mean; ADX from Wilder sums of TR/±DM, first at index 2n − 1; MACD signal seeded with the
/// SMA of the first MACD values; Bollinger bands with the population standard deviation; slow stochastic %K =
/// SMA(raw %K), %D = SMA(%K), raw %K = 0 when the range is flat. A window sum adds its values oldest first from zero,
/// as the reference libraries do: a running sum would be cheaper but rounds differently.
/// </remarks>
public sealed class IndicatorEngine
{
    private readonly IndicatorSettings _settings;
    private readonly RecursiveIndicators _recursive;
    private readonly Window _closes;
    private readonly Window _highs;
    private readonly Window _lows;
    private readonly Window _rawK;
    private readonly Window _slowK;
    private IndicatorBar _bar = IndicatorBar.WarmingUp;

    public IndicatorEngine(IndicatorSettings? settings = null)
    {
        _settings = (settings ?? IndicatorSettings.Default).Validated();
        _recursive = new RecursiveIndicators(_settings);
        _closes = new Window(Math.Max(_settings.SmaPeriod, _settings.BollingerPeriod));
        _highs = new Window(_settings.StochasticPeriod);
        _lows = new Window(_settings.StochasticPeriod);
        _rawK = new Window(_settings.StochasticSmooth);
        _slowK = new Window(_settings.StochasticSignal);
    }

    /// <summary>How many candles have been appended.</summary>
    public int Count { get; private set; }

    /// <summary>The values at the last appended candle (all null before the first).</summary>
    public IndicatorValues Current => _bar.ToValues();

    public IndicatorValues Append(in Candle candle)
    {
        Count++;
        _closes.Add(candle.Close);
        _highs.Add(candle.High);
        _lows.Add(candle.Low);

        var smaPeriod = _settings.SmaPeriod;
        if (_closes.Count >= smaPeriod)
        {
            _bar.Sma = _closes.Sum(smaPeriod) / smaPeriod;
        }

        _recursive.Step(candle, ref _bar);
        Bollinger();
        Stochastic(candle.Close);
        return _bar.ToValues();
    }

    private void Bollinger()
    {
        var period = _settings.BollingerPeriod;
        if (_closes.Count < period)
        {
            return;
        }

        // With the SMA's period (the default), the middle band is the SMA: the same sum divided the same way.
        var mean = period == _settings.SmaPeriod ? _bar.Sma : _closes.Sum(period) / period;
        var halfWidth = _settings.BollingerWidth * Math.Sqrt(_closes.SquaredDeviations(period, mean) / period);
        _bar.BollingerMiddle = mean;
        _bar.BollingerUpper = mean + halfWidth;
        _bar.BollingerLower = mean - halfWidth;
    }

    private void Stochastic(double close)
    {
        var period = _settings.StochasticPeriod;
        if (_highs.Count < period)
        {
            return;
        }

        var highest = _highs.Max(period);
        var lowest = _lows.Min(period);
        var fastK = highest > lowest ? 100 * (close - lowest) / (highest - lowest) : 0;
        _bar.StochasticFastK = fastK;
        _rawK.Add(fastK);
        var smooth = _settings.StochasticSmooth;
        if (_rawK.Count < smooth)
        {
            return;
        }

        var slowK = _rawK.Sum(smooth) / smooth;
        _bar.StochasticK = slowK;
        _slowK.Add(slowK);
        var signal = _settings.StochasticSignal;
        if (_slowK.Count >= signal)
        {
            _bar.StochasticD = _slowK.Sum(signal) / signal;
        }
    }

    /// <summary>
    /// The last values of a series, oldest first: a fixed ring written twice, at i and at i + capacity, so that the
    /// last n values always lie side by side and a window is read straight through, without wrapping.
    /// </summary>
    private sealed class Window(int capacity)
    {
        private readonly double[] _values = new double[2 * capacity];
        private int _next;

        /// <summary>How many values were added (not capped at the capacity).</summary>
        public long Count { get; private set; }

        public void Add(double value)
        {
            _values[_next] = value;
            _values[_next + capacity] = value;
            _next = _next + 1 == capacity ? 0 : _next + 1;
            Count++;
        }

        public double Sum(int last)
        {
            var sum = 0.0;
            foreach (var value in Last(last))
            {
                sum += value;
            }

            return sum;
        }

        public double SquaredDeviations(int last, double mean)
        {
            var sum = 0.0;
            foreach (var value in Last(last))
            {
                var deviation = value - mean;
                sum += deviation * deviation;
            }

            return sum;
        }

        public double Max(int last)
        {
            var max = double.MinValue;
            foreach (var value in Last(last))
            {
                max = Math.Max(max, value);
            }

            return max;
        }

        public double Min(int last)
        {
            var min = double.MaxValue;
            foreach (var value in Last(last))
            {
                min = Math.Min(min, value);
            }

            return min;
        }

        private ReadOnlySpan<double> Last(int last) => _values.AsSpan(_next + capacity - last, last);
    }
}
