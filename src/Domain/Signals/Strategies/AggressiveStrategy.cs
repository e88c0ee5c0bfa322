namespace PromoStack.Domain.Signals.Strategies;

/// <summary>
/// Aggressive: with ADX at least <c>adx_min</c>, BUY when RSI is under <c>rsi_oversold</c> and price is within
/// <c>aggressive_band_atr</c> ATRs of the lower Bollinger band or %K is under <c>stoch_oversold</c>; SELL mirrored.
/// Stop <c>aggressive_sl_atr</c> ATRs, targets <c>aggressive_tp_atr</c>.
/// </summary>
public sealed class AggressiveStrategy : IStrategy
{
    public string Name => "aggressive";

    public StrategyDecision Evaluate(MarketView market, int index, ForexSettings settings)
    {
        var v = market.Indicators[index];
        if (v is not { Rsi: { } rsi, Atr: { } atr, Adx: { } adx, BollingerLower: { } lower, BollingerUpper: { } upper, StochasticK: { } k })
        {
            return new NoSignal("indicators are still warming up");
        }

        if (adx < settings.Number("adx_min"))
        {
            return new NoSignal($"ADX {adx:F1} is under {settings.Number("adx_min")}");
        }

        var close = market.Candles[index].Close;
        var band = settings.Number("aggressive_band_atr") * atr;
        SignalDirection? direction =
            rsi < settings.Number("rsi_oversold") && (close - lower <= band || k < settings.Number("stoch_oversold")) ? SignalDirection.Buy
            : rsi > settings.Number("rsi_overbought") && (upper - close <= band || k > settings.Number("stoch_overbought")) ? SignalDirection.Sell
            : null;
        if (direction is not { } d)
        {
            return new NoSignal($"no extreme: RSI {rsi:F1}, %K {k:F1}");
        }

        return Proposals.AtrBased(d, close, atr, settings.Number("aggressive_sl_atr"), settings.Targets("aggressive_tp_atr"), new Dictionary<string, double>
        {
            ["rsi"] = rsi, ["adx"] = adx, ["atr"] = atr, ["bb_lower"] = lower, ["bb_upper"] = upper, ["stoch_k"] = k,
        });
    }
}
