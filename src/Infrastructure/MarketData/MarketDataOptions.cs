namespace PromoStack.Infrastructure.MarketData;

/// <summary>
/// <c>MarketData__Provider</c>: <c>twelvedata</c> (needs <c>MarketData__TwelveData__ApiKey</c>), <c>replay</c> (candles from
/// <c>MarketData__Csv__Path</c>, or the built-in synthetic generator without one, replayed
/// <c>MarketData__Replay__Speed</c> times faster than real time; its signals are demo signals) or <c>none</c>. Unset, it is
/// <c>replay</c> in Development and <c>none</c> everywhere else: a real business never trades replayed or synthetic
/// candles unless a person chose so.
/// </summary>
public sealed class MarketDataOptions
{
    public const string Section = "MarketData";

    public string? Provider { get; set; }

    /// <summary>The provider that runs: the configured one, or the environment's default.</summary>
    public string ProviderIn(bool development) =>
        string.IsNullOrWhiteSpace(Provider) ? (development ? Providers.Replay : Providers.None) : Provider.Trim().ToLowerInvariant();
    public TwelveDataOptions TwelveData { get; set; } = new();
    public CsvOptions Csv { get; set; } = new();
    public ReplayOptions Replay { get; set; } = new();

    public static class Providers
    {
        public const string TwelveData = "twelvedata";
        public const string Replay = "replay";
        public const string None = Application.Signals.IMarketData.NoProvider;

        public static readonly string[] All = [TwelveData, Replay, None];
    }

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
