namespace PromoStack.Infrastructure.MarketData;

/// <summary>
/// <c>MarketData__Provider</c>: <c>twelvedata</c> (needs <c>MarketData__TwelveData__ApiKey</c>) or <c>replay</c> (the
/// default: candles from <c>MarketData__Csv__Path</c>, or the built-in synthetic generator without one, replayed
/// <c>MarketData__Replay__Speed</c> times faster than real time).
/// </summary>
public sealed class MarketDataOptions
{
    public const string Section = "MarketData";

    public string Provider { get; set; } = "replay";
    public TwelveDataOptions TwelveData { get; set; } = new();
    public CsvOptions Csv { get; set; } = new();
    public ReplayOptions Replay { get; set; } = new();

    public sealed class TwelveDataOptions
    {
        public string BaseUrl { get; set; } = "https://api.twelvedata.com";
        public string? ApiKey { get; set; }
        public int TimeoutSeconds { get; set; } = 15;
    }

    public sealed class CsvOptions
    {
        public string? Path { get; set; }
    }

    public sealed class ReplayOptions
    {
        /// <summary>How many times faster than real time candles are replayed (60: a 15-minute candle every 15 s).</summary>
        public double Speed { get; set; } = 60;

        /// <summary>Synthetic candles generated when no CSV is named.</summary>
        public int SyntheticCandles { get; set; } = 20_000;

        public int Seed { get; set; } = 7;
    }
}
