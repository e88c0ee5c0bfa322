namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// Every indicator over a whole series of candles, one array per indicator (NaN marks a warm-up bar inside the
/// arrays; the accessors return null for it). Computed by <see cref="IndicatorEngine"/> in one O(n) pass.
/// </summary>
public sealed class IndicatorSeries
{
    private readonly double[][] _columns;

    private IndicatorSeries(int length)
    {
        Length = length;
        _columns = new double[Columns][];
        for (var c = 0; c < Columns; c++)
        {
            _columns[c] = GC.AllocateUninitializedArray<double>(length);
        }
    }

    private const int Columns = 18;

    public int Length { get; }

    public IndicatorValues this[int index]
    {
        get
        {
            double? At(int column) => _columns[column][index] is var value && double.IsNaN(value) ? null : value;
            return new IndicatorValues(
                At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10), At(11), At(12), At(13), At(14), At(15), At(16), At(17));
        }
    }

    public static IndicatorSeries Compute(ReadOnlySpan<Candle> candles, IndicatorSettings? settings = null)
    {
        var engine = new IndicatorEngine(settings);
        var series = new IndicatorSeries(candles.Length);
        var c = series._columns;
        for (var i = 0; i < candles.Length; i++)
        {
            var v = engine.Append(candles[i]);
            c[0][i] = v.Sma ?? double.NaN;
            c[1][i] = v.Ema ?? double.NaN;
            c[2][i] = v.Rsi ?? double.NaN;
            c[3][i] = v.TrueRange ?? double.NaN;
            c[4][i] = v.Atr ?? double.NaN;
            c[5][i] = v.PlusDi ?? double.NaN;
            c[6][i] = v.MinusDi ?? double.NaN;
            c[7][i] = v.Dx ?? double.NaN;
            c[8][i] = v.Adx ?? double.NaN;
            c[9][i] = v.Macd ?? double.NaN;
            c[10][i] = v.MacdSignal ?? double.NaN;
            c[11][i] = v.MacdHistogram ?? double.NaN;
            c[12][i] = v.BollingerMiddle ?? double.NaN;
            c[13][i] = v.BollingerUpper ?? double.NaN;
            c[14][i] = v.BollingerLower ?? double.NaN;
            c[15][i] = v.StochasticFastK ?? double.NaN;
            c[16][i] = v.StochasticK ?? double.NaN;
            c[17][i] = v.StochasticD ?? double.NaN;
        }

        return series;
    }
}
