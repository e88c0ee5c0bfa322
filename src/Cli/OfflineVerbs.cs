using System.Diagnostics;
using System.Globalization;
using System.Text;
using PromoStack.Application.Signals;
using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;
using PromoStack.Domain.Signals.Strategies;
using PromoStack.Infrastructure.MarketData;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Signals.Charts;

namespace PromoStack.Cli;

/// <summary>Verbs that need no database or keys: they read a candle file and write their results.</summary>
public static class OfflineVerbs
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "indicators" or "backtest";

    public static int Run(string[] args, string workingDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            return args[0] == "indicators" ? Indicators(args, output) : Backtest(args, workingDirectory, output, error);
        }
        catch (Exception exception) when (exception is UsageException or CandleFileException or DomainException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(exception.Message);
            return 2;
        }
    }

    private static int Indicators(string[] args, TextWriter output)
    {
        var options = Parse(args, "indicators --candles FILE --out FILE");
        var candles = CandleCsv.Read(options.Required("candles"));
        var series = IndicatorSeries.Compute(candles);
        var path = options.Required("out");
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            writer.WriteLine("time_utc,sma20,ema20,rsi14,tr,atr14,pdi14,mdi14,adx14,macd,macd_signal,macd_hist,bb_mid,bb_upper,bb_lower,stoch_k,stoch_d");
            var line = new StringBuilder();
            for (var i = 0; i < candles.Length; i++)
            {
                var v = series[i];
                line.Clear().Append(candles[i].Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                foreach (var value in new[]
                         {
                             v.Sma, v.Ema, v.Rsi, v.TrueRange, v.Atr, v.PlusDi, v.MinusDi, v.Adx, v.Macd, v.MacdSignal, v.MacdHistogram,
                             v.BollingerMiddle, v.BollingerUpper, v.BollingerLower, v.StochasticK, v.StochasticD,
                         })
                {
                    line.Append(',').Append(value?.ToString("R", CultureInfo.InvariantCulture));
                }

                writer.WriteLine(line);
            }
        }

        output.WriteLine($"{candles.Length} candles → {path}");
        return 0;
    }

    private static int Backtest(string[] args, string workingDirectory, TextWriter output, TextWriter error)
    {
        var options = Parse(args, "backtest --candles FILE --strategy NAME [--set key=value ...] [--timezone ZONE]");
        var candles = CandleCsv.Read(options.Required("candles"));
        var changes = new Dictionary<string, string> { [ForexSettings.ActiveStrategyKey] = options.Required("strategy") };
        foreach (var setting in options.All("set"))
        {
            var parts = setting.Split('=', 2);
            if (parts.Length != 2)
            {
                throw new UsageException($"--set takes key=value, not '{setting}'.");
            }

            changes[parts[0]] = parts[1];
        }

        var settings = ForexSettings.Defaults.With(changes);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Optional("timezone") ?? "UTC");
        var clock = Stopwatch.StartNew();
        var shown = -1;
        var progress = new SynchronousProgress(fraction =>
        {
            var percent = (int)(fraction * 100);
            if (percent / 10 != shown / 10 && clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                shown = percent;
                error.WriteLine($"  {percent} % ({clock.Elapsed.TotalSeconds:F1} s)");
            }
        });
        var result = Backtester.Run(candles, settings, zone, progress);
        var elapsed = clock.Elapsed;

        var tradesPath = Path.Combine(workingDirectory, "trades.csv");
        File.WriteAllText(tradesPath, TradesCsv(result), new UTF8Encoding(false));
        var chart = new ScottPlotEquityChart();
        var backtest = BacktestResultDto.Of(result);
        var svgPath = Path.Combine(workingDirectory, "equity.svg");
        File.WriteAllText(svgPath, chart.Svg(backtest), new UTF8Encoding(false));
        var pngPath = Path.Combine(workingDirectory, "equity.png");
        File.WriteAllBytes(pngPath, chart.Png(backtest));

        output.WriteLine($"{result.Strategy} on {result.Symbol}: {candles.Length:N0} candles in {elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine($"  trades {result.Trades.Count}, wins {result.Wins}, losses {result.Losses}, win rate {result.WinRate:P1}");
        output.WriteLine($"  result {result.TotalPips:+0.#;-0.#;0} pips ({result.TotalR:+0.##;-0.##;0} R), max drawdown {result.MaxDrawdownPips:0.#} pips");
        output.WriteLine($"  held back by the gates: {string.Join(", ", result.Rejections.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}");
        output.WriteLine($"  wrote {tradesPath}, {svgPath} and {pngPath}");
        return 0;
    }

    private static string TradesCsv(BacktestResult result)
    {
        var csv = new StringBuilder("number,direction,opened_at,closed_at,entry,stop_loss,tp1,tp2,tp3,status,close_reason,targets_hit,exit_price,result_pips,result_r\n");
        foreach (var t in result.Trades)
        {
            csv.AppendJoin(',',
                    t.Number, t.Direction == SignalDirection.Buy ? "BUY" : "SELL", Time(t.OpenedAt), t.ClosedAt is { } closed ? Time(closed) : string.Empty,
                    Price(t.Levels.Entry), Price(t.Levels.StopLoss), Price(t.Levels.TakeProfit1), Price(t.Levels.TakeProfit2), Price(t.Levels.TakeProfit3),
                    EnumNames<SignalStatus>.Upper(t.Status), t.CloseReason is { } reason ? EnumNames<SignalCloseReason>.Lower(reason) : string.Empty, t.TargetsHit, Price(t.ExitPrice), Price(t.ResultPips), Price(t.ResultR))
                .Append('\n');
        }

        return csv.ToString();

        static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string Price(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static Options Parse(string[] args, string usage)
    {
        var values = new List<(string Key, string Value)>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"usage: ./promostack {usage}");
            }

            values.Add((args[i][2..], args[++i]));
        }

        return new Options(values, usage);
    }

    private sealed record Options(List<(string Key, string Value)> Values, string Usage)
    {
        public string Required(string key) => Optional(key) ?? throw new UsageException($"--{key} is required. usage: ./promostack {Usage}");

        public string? Optional(string key) => Values.LastOrDefault(v => v.Key == key).Value;

        public IEnumerable<string> All(string key) => Values.Where(v => v.Key == key).Select(v => v.Value);
    }

    private sealed class UsageException(string message) : Exception(message);

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
