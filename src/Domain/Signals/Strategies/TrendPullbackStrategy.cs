namespace PromoStack.Domain.Signals.Strategies;

/// <summary>
/// Trend pullback, in its UTC session: the trend is the slope of the hourly EMA200 over 5 hours with price on its
/// side; price has pulled back to within <c>pullback_ema_atr</c> ATRs of the 15-minute EMA20; ADX is at least
/// <c>pullback_adx_min</c>; RSI dipped into 38–48 within the last 5 bars and closed back above 50 (a SELL mirrors it:
/// 52–62, back under 50); the candle closes beyond the previous one's high (low) or engulfs it, with a range of at
/// most <c>pullback_max_range_atr</c> ATRs. The stop is the nearer of the 8-bar swing and <c>pullback_sl_atr</c>
/// ATRs, never under <c>pullback_min_stop</c>; targets at 1R, 2R, 3R, closed 40/30/30.
/// </summary>
public sealed class TrendPullbackStrategy : IStrategy
{
    private static readonly ExitPlan Exits = new(40, 30, 30);

    public string Name => "trend_pullback";

    public StrategyDecision Evaluate(MarketView market, int index, ForexSettings settings)
    {
        var candle = market.Candles[index];
        var hour = candle.Time.UtcDateTime.Hour;
        if (hour < settings.Integer("pullback_session_start_hour") || hour >= settings.Integer("pullback_session_end_hour"))
        {
            return new NoSignal($"outside the session ({hour:00}:00 UTC)");
        }

        var h = market.CompletedHourAt[index];
        var v = market.Indicators[index];
        if (index < 8 || h < 5 || double.IsNaN(market.HourlyEma200[h - 5]) || v is not { Rsi: { } rsi, Atr: { } atr, Adx: { } adx, Ema: { } ema20 })
        {
            return new NoSignal("indicators are still warming up");
        }

        var trendEma = market.HourlyEma200[h];
        var slope = trendEma - market.HourlyEma200[h - 5];
        SignalDirection? trend = slope > 0 && candle.Close > trendEma ? SignalDirection.Buy
            : slope < 0 && candle.Close < trendEma ? SignalDirection.Sell
            : null;
        if (trend is not { } d)
        {
            return new NoSignal("no hourly trend with price on its side");
        }

        if (Math.Abs(candle.Close - ema20) > settings.Number("pullback_ema_atr") * atr)
        {
            return new NoSignal("price is not back at the EMA20");
        }

        if (adx < settings.Number("pullback_adx_min"))
        {
            return new NoSignal($"ADX {adx:F1} is under {settings.Number("pullback_adx_min")}");
        }

        if (!DippedAndRecovered(market, index, d, rsi))
        {
            return new NoSignal("RSI did not dip and recover");
        }

        var previous = market.Candles[index - 1];
        var sign = d == SignalDirection.Buy ? 1 : -1;
        var breaks = d == SignalDirection.Buy ? candle.Close > previous.High : candle.Close < previous.Low;
        var engulfs = sign * (candle.Close - candle.Open) > 0 && sign * (previous.Close - previous.Open) < 0
                      && sign * (candle.Close - previous.Open) >= 0 && sign * (previous.Close - candle.Open) >= 0;
        if (!breaks && !engulfs)
        {
            return new NoSignal("no trigger candle");
        }

        if (candle.High - candle.Low > settings.Number("pullback_max_range_atr") * atr)
        {
            return new NoSignal("the trigger candle is too large");
        }

        var swing = d == SignalDirection.Buy ? candle.Close - Lowest(market, index, 8) : Highest(market, index, 8) - candle.Close;
        var risk = Math.Max(Math.Min(swing > 0 ? swing : double.MaxValue, settings.Number("pullback_sl_atr") * atr), settings.Number("pullback_min_stop"));
        var entry = candle.Close;
        return new SignalProposal(
            d, entry, entry - (sign * risk), entry + (sign * risk), entry + (sign * 2 * risk), entry + (sign * 3 * risk),
            new Dictionary<string, double>
            {
                ["rsi"] = rsi, ["adx"] = adx, ["atr"] = atr, ["ema20"] = ema20, ["ema200_1h"] = trendEma, ["ema200_1h_slope"] = slope, ["risk"] = risk,
            },
            Exits);
    }

    private static bool DippedAndRecovered(MarketView market, int index, SignalDirection direction, double rsi)
    {
        if (direction == SignalDirection.Buy ? rsi <= 50 : rsi >= 50)
        {
            return false;
        }

        for (var i = Math.Max(0, index - 4); i < index; i++)
        {
            if (market.Indicators[i].Rsi is { } past && (direction == SignalDirection.Buy ? past is >= 38 and <= 48 : past is >= 52 and <= 62))
            {
                return true;
            }
        }

        return false;
    }

    private static double Lowest(MarketView market, int index, int bars)
    {
        var low = double.MaxValue;
        for (var i = index - bars + 1; i <= index; i++)
        {
            low = Math.Min(low, market.Candles[i].Low);
        }

        return low;
    }

    private static double Highest(MarketView market, int index, int bars)
    {
        var high = double.MinValue;
        for (var i = index - bars + 1; i <= index; i++)
        {
            high = Math.Max(high, market.Candles[i].High);
        }

        return high;
    }
}
