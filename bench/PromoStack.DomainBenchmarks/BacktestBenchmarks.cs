using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.DomainBenchmarks;

/// <summary>A whole backtest (indicators, strategy, gates, lifecycle) over the 38,489 real 15-minute gold candles.</summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private Candle[] _candles = [];

    [Params("aggressive", "conservative", "trend_pullback")]
    public string Strategy { get; set; } = "aggressive";

    [GlobalSetup]
    public void Setup() => _candles = ReadCandles(Path.Combine(RepositoryRoot(), "tests", "TestData", "ohlc", "xauusd_15m_2024-01_2025-08_utc.csv"));

    [Benchmark(Description = "backtest, 38,489 candles")]
    public BacktestResult Backtest() =>
        Backtester.Run(_candles, ForexSettings.Defaults.With(new Dictionary<string, string> { [ForexSettings.ActiveStrategyKey] = Strategy }), TimeZoneInfo.Utc);

    /// <summary>BenchmarkDotNet runs a generated copy elsewhere; the source path (fixed at build) finds the checkout's test data.</summary>
    private static string RepositoryRoot([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    private static Candle[] ReadCandles(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var c = line.Split(',');
            double N(int i) => double.Parse(c[i], CultureInfo.InvariantCulture);
            return new Candle(DateTimeOffset.Parse(c[0], CultureInfo.InvariantCulture), N(1), N(2), N(3), N(4), N(5));
        })];
}
