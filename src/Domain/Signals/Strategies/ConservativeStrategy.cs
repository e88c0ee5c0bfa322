namespace PromoStack.Domain.Signals.Strategies;

/// <summary>
/// Conservative: trend filter EMA50 against EMA200, ADX at least <c>adx_min</c>, RSI beyond its threshold, and at
/// least <c>conservative_min_confirmations</c> of: a band touch within <c>conservative_band_atr</c> ATRs, a
/// stochastic extreme, MACD momentum (histogram positive or rising for a BUY). Stop <c>conservative_sl_atr</c>
/// ATRs, targets <c>conservative_tp_atr</c>.
/// </summary>
public sealed class ConservativeStrategy : IStrategy
{
    public string Name => "conservative";

    public StrategyDecision Evaluate(MarketView market, int index, ForexSettings settings)
    {
        var v = market.Indicators[index];
        if (index < 1 || double.IsNaN(market.Ema200[index])
            || v is not { Rsi: { } rsi, Atr: { } atr, Adx: { } adx, BollingerLower: { } lower, BollingerUpper: { } upper, StochasticK: { } k, MacdHistogram: { } histogram }
            || market.Indicators[index - 1].MacdHistogram is not { } previousHistogram)
        {
            return new NoSignal("indicators are still warming up");
        }

        var (ema50, ema200) = (market.Ema50[index], market.Ema200[index]);
        if (adx < settings.Number("adx_min"))
        {
            return new NoSignal($"ADX {adx:F1} is under {settings.Number("adx_min")}");
        }

        var close = market.Candles[index].Close;
        var band = settings.Number("conservative_band_atr") * atr;
        SignalDirection? direction = ema50 > ema200 && rsi < settings.Number("rsi_oversold") ? SignalDirection.Buy
            : ema50 < ema200 && rsi > settings.Number("rsi_overbought") ? SignalDirection.Sell
            : null;
        if (direction is not { } d)
        {
            return new NoSignal($"no pullback in the trend: EMA50 {(ema50 > ema200 ? "above" : "below")} EMA200, RSI {rsi:F1}");
        }

        var confirmations = d == SignalDirection.Buy
            ? Count(close - lower <= band, k < settings.Number("stoch_oversold"), histogram > 0 || histogram > previousHistogram)
            : Count(upper - close <= band, k > settings.Number("stoch_overbought"), histogram < 0 || histogram < previousHistogram);
        var needed = settings.Integer("conservative_min_confirmations");
        if (confirmations < needed)
        {
            return new NoSignal($"{confirmations} of {needed} confirmations");
        }

        return Proposals.AtrBased(d, close, atr, settings.Number("conservative_sl_atr"), settings.Targets("conservative_tp_atr"), new Dictionary<string, double>
        {
            ["rsi"] = rsi, ["adx"] = adx, ["atr"] = atr, ["ema50"] = ema50, ["ema200"] = ema200, ["stoch_k"] = k, ["macd_hist"] = histogram,
            ["confirmations"] = confirmations,
        });
    }

    private static int Count(params bool[] conditions) => conditions.Count(c => c);
}
