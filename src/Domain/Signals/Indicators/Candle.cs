namespace PromoStack.Domain.Signals.Indicators;

/// <summary>
/// One bar of prices, in <c>double</c> for indicator arithmetic (prices are stored and shown as <c>decimal</c>;
/// they convert at the edge). <see cref="Time"/> is the bar's open time in UTC.
/// </summary>
public readonly record struct Candle(DateTimeOffset Time, double Open, double High, double Low, double Close, double Volume = 0);
