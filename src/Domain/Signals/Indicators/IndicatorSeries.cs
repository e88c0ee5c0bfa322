namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// Every indicator over a whole series of candles, in one O(n) pass: <see cref="RecursiveIndicators"/> bar by bar as
/// the live <see cref="IndicatorEngine"/> runs them, and the windows by <see cref="WindowBatch"/>, several bars at
/// once. One array per stored indicator, NaN marking a warm-up bar (the accessor returns null for it). What is a
/// single operation on stored values is worked out when read, by the engine's own formula, to the same bits: the MACD
/// histogram (MACD − signal), the Bollinger bands (middle ± the band's half-width) and DX (from ±DI); with the
/// SMA's period, the middle band is the SMA's array.
/// </summary>
public sealed class IndicatorSeries
{
    private readonly double[] _sma;
    private readonly double[] _ema;
    private readonly double[] _rsi;
    private readonly double[] _trueRange;
    private readonly double[] _atr;
    private readonly double[] _plusDi;
    private readonly double[] _minusDi;
    private readonly double[] _adx;
    private readonly double[] _macd;
    private readonly double[] _signal;
    private readonly double[] _middle;
    private readonly double[] _halfWidth;
    private readonly double[] _fastK;
    private readonly double[] _slowK;
    private readonly double[] _slowD;

    private IndicatorSeries(int length, IndicatorSettings settings)
    {
        Length = length;
        _sma = Column(length);
        _ema = Column(length);
        _rsi = Column(length);
        _trueRange = Column(length);
        _atr = Column(length);
        _plusDi = Column(length);
        _minusDi = Column(length);
        _adx = Column(length);
        _macd = Column(length);
        _signal = Column(length);
        _middle = settings.BollingerPeriod == settings.SmaPeriod ? _sma : Column(length);
        _halfWidth = Column(length);
        _fastK = Column(length);
        _slowK = Column(length);
        _slowD = Column(length);
    }

    public int Length { get; }

    public IndicatorValues this[int index]
    {
        get
        {
            var (plusDi, minusDi, macd, signal, middle, halfWidth) =
                (_plusDi[index], _minusDi[index], _macd[index], _signal[index], _middle[index], _halfWidth[index]);
            return new IndicatorValues(
                N(_sma[index]), N(_ema[index]), N(_rsi[index]), N(_trueRange[index]), N(_atr[index]), N(plusDi), N(minusDi),
                N(RecursiveIndicators.Dx(plusDi, minusDi)), N(_adx[index]), N(macd), N(signal), N(macd - signal), N(middle), N(middle + halfWidth),
                N(middle - halfWidth), N(_fastK[index]), N(_slowK[index]), N(_slowD[index]));

            static double? N(double value) => double.IsNaN(value) ? null : value;
        }
    }

    public static IndicatorSeries Compute(ReadOnlySpan<Candle> candles, IndicatorSettings? settings = null)
    {
        var validated = (settings ?? IndicatorSettings.Default).Validated();
        var series = new IndicatorSeries(candles.Length, validated);
        var recursive = new RecursiveIndicators(validated);
        var windows = new WindowBatch(validated, series._sma, series._middle, series._halfWidth, series._fastK, series._slowK, series._slowD);
        var (ema, rsi, trueRange, atr, plusDi, minusDi, adx, macd, signal) =
            (series._ema, series._rsi, series._trueRange, series._atr, series._plusDi, series._minusDi, series._adx, series._macd, series._signal);
        var bar = IndicatorBar.WarmingUp;
        for (var start = 0; start < candles.Length; start += WindowBatch.Block)
        {
            var block = candles.Slice(start, Math.Min(WindowBatch.Block, candles.Length - start));
            for (var j = 0; j < block.Length; j++)
            {
                recursive.Step(block[j], ref bar);
                var i = start + j;
                ema[i] = bar.Ema;
                rsi[i] = bar.Rsi;
                trueRange[i] = bar.TrueRange;
                atr[i] = bar.Atr;
                plusDi[i] = bar.PlusDi;
                minusDi[i] = bar.MinusDi;
                adx[i] = bar.Adx;
                macd[i] = bar.Macd;
                signal[i] = bar.MacdSignal;
            }

            windows.Compute(block, start);
        }

        return series;
    }

    private static double[] Column(int length) => GC.AllocateUninitializedArray<double>(length);
}
