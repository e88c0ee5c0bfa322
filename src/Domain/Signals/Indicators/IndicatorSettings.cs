namespace PromoStack.Domain.Signals.Indicators;

/// <summary>How the first bar's true range is taken: the conventions of the two reference families differ.</summary>
public enum TrueRangeStart
{
    /// <summary>Stock.Indicators: no true range on the first bar (it has no previous close); ATR(n) first at index n.</summary>
    SkipFirstBar,

    /// <summary>StockCharts: the first bar's true range is its high minus low; ATR(n) first at index n − 1.</summary>
    FirstBarHighLow,
}

/// <summary>Indicator periods. The defaults are the ones the strategies and the reference data use.</summary>
public sealed record IndicatorSettings
{
    public static IndicatorSettings Default { get; } = new();

    public int SmaPeriod { get; init; } = 20;
    public int EmaPeriod { get; init; } = 20;
    public int RsiPeriod { get; init; } = 14;
    public int AtrPeriod { get; init; } = 14;
    public int AdxPeriod { get; init; } = 14;
    public int MacdFast { get; init; } = 12;
    public int MacdSlow { get; init; } = 26;
    public int MacdSignal { get; init; } = 9;
    public int BollingerPeriod { get; init; } = 20;
    public double BollingerWidth { get; init; } = 2;
    public int StochasticPeriod { get; init; } = 14;
    public int StochasticSignal { get; init; } = 3;
    public int StochasticSmooth { get; init; } = 3;
    public TrueRangeStart TrueRangeStart { get; init; } = TrueRangeStart.SkipFirstBar;

    /// <summary>Throws for a period below its minimum (a period of 1 makes several of these formulas meaningless).</summary>
    public IndicatorSettings Validated()
    {
        Require(SmaPeriod, nameof(SmaPeriod));
        Require(EmaPeriod, nameof(EmaPeriod));
        Require(RsiPeriod, nameof(RsiPeriod));
        Require(AtrPeriod, nameof(AtrPeriod));
        Require(AdxPeriod, nameof(AdxPeriod));
        Require(MacdFast, nameof(MacdFast));
        Require(MacdSlow, nameof(MacdSlow));
        Require(MacdSignal, nameof(MacdSignal));
        Require(BollingerPeriod, nameof(BollingerPeriod));
        Require(StochasticPeriod, nameof(StochasticPeriod));
        Require(StochasticSignal, nameof(StochasticSignal), minimum: 1);
        Require(StochasticSmooth, nameof(StochasticSmooth), minimum: 1);
        if (MacdFast >= MacdSlow)
        {
            throw new ArgumentException("The fast MACD period must be shorter than the slow one.");
        }

        if (!(BollingerWidth > 0))
        {
            throw new ArgumentException("The Bollinger width must be positive.");
        }

        return this;
    }

    private static void Require(int period, string name, int minimum = 2)
    {
        if (period < minimum || period > 1000)
        {
            throw new ArgumentException($"{name} must be between {minimum} and 1000 (it is {period}).");
        }
    }
}
