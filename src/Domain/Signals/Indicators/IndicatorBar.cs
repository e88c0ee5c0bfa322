namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// Every indicator at one bar as <see cref="IndicatorEngine"/> computes it: plain doubles, NaN while warming up.
/// <see cref="IndicatorValues"/> is its public face (null for NaN); the batch copies the fields that
/// <see cref="RecursiveIndicators"/> writes straight into its columns.
/// </summary>
internal struct IndicatorBar
{
    public double Sma;
    public double Ema;
    public double Rsi;
    public double TrueRange;
    public double Atr;
    public double PlusDi;
    public double MinusDi;
    public double Dx;
    public double Adx;
    public double Macd;
    public double MacdSignal;
    public double MacdHistogram;
    public double BollingerMiddle;
    public double BollingerUpper;
    public double BollingerLower;
    public double StochasticFastK;
    public double StochasticK;
    public double StochasticD;

    public static IndicatorBar WarmingUp => new()
    {
        Sma = double.NaN, Ema = double.NaN, Rsi = double.NaN, TrueRange = double.NaN, Atr = double.NaN, PlusDi = double.NaN, MinusDi = double.NaN,
        Dx = double.NaN, Adx = double.NaN, Macd = double.NaN, MacdSignal = double.NaN, MacdHistogram = double.NaN, BollingerMiddle = double.NaN,
        BollingerUpper = double.NaN, BollingerLower = double.NaN, StochasticFastK = double.NaN, StochasticK = double.NaN, StochasticD = double.NaN,
    };

    public readonly IndicatorValues ToValues() => new(
        N(Sma), N(Ema), N(Rsi), N(TrueRange), N(Atr), N(PlusDi), N(MinusDi), N(Dx), N(Adx), N(Macd), N(MacdSignal), N(MacdHistogram), N(BollingerMiddle),
        N(BollingerUpper), N(BollingerLower), N(StochasticFastK), N(StochasticK), N(StochasticD));

    private static double? N(double value) => double.IsNaN(value) ? null : value;
}
