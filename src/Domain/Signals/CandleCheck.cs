namespace PromoStack.Domain.Signals;

/// <summary>What one candle did to an open signal.</summary>
public enum PriceTouch
{
    Nothing,
    Target,
    Stop,
}

/// <summary>
/// Evaluates a candle's whole range (high and low, never a sampled last price that misses wicks) against an open
/// signal's stop and next target. A candle that reaches both cannot tell which came first, so the stop wins: the
/// result is never flattered by an order the data cannot show.
/// </summary>
public static class CandleCheck
{
    public static PriceTouch Evaluate(SignalDirection direction, decimal stop, decimal? nextTarget, decimal high, decimal low)
    {
        var stopped = direction == SignalDirection.Buy ? low <= stop : high >= stop;
        if (stopped)
        {
            return PriceTouch.Stop;
        }

        if (nextTarget is { } target && (direction == SignalDirection.Buy ? high >= target : low <= target))
        {
            return PriceTouch.Target;
        }

        return PriceTouch.Nothing;
    }
}
