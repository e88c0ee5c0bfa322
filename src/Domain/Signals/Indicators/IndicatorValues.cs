namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// Every indicator at one bar. A value still warming up is null, never 0. A plain struct: appending a candle to
/// <see cref="IndicatorEngine"/> allocates nothing.
/// </summary>
public readonly record struct IndicatorValues(
    double? Sma,
    double? Ema,
    double? Rsi,
    double? TrueRange,
    double? Atr,
    double? PlusDi,
    double? MinusDi,
    double? Dx,
    double? Adx,
    double? Macd,
    double? MacdSignal,
    double? MacdHistogram,
    double? BollingerMiddle,
    double? BollingerUpper,
    double? BollingerLower,
    double? StochasticFastK,
    double? StochasticK,
    double? StochasticD);
