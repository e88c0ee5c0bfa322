using System.Globalization;
using PromoStack.Application.Signals;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace PromoStack.Infrastructure.Signals.Charts;

/// <summary>
/// The backtest equity chart drawn with ScottPlot (on SkiaSharp): cumulative pips as steps at each trade's close, the
/// fall from the running peak shaded, wins and losses marked, dates along the bottom. Each call draws on a new plot,
/// so one instance serves concurrent requests.
/// </summary>
public sealed class ScottPlotEquityChart : IEquityChart
{
    private static readonly Color EquityColor = Color.FromHex("#1f6feb");
    private static readonly Color DrawdownColor = Color.FromHex("#cf222e").WithAlpha(0.22);
    private static readonly Color WinColor = Color.FromHex("#2da44e");
    private static readonly Color LossColor = Color.FromHex("#cf222e");

    public ScottPlotEquityChart() => BundledFont.Register();

    public byte[] Png(BacktestResultDto backtest)
    {
        using var plot = Draw(backtest);
        return plot.GetImageBytes(IEquityChart.Width, IEquityChart.Height, ImageFormat.Png);
    }

    public string Svg(BacktestResultDto backtest)
    {
        using var plot = Draw(backtest);
        return plot.GetSvgXml(IEquityChart.Width, IEquityChart.Height);
    }

    private static Plot Draw(BacktestResultDto backtest)
    {
        var plot = new Plot();
        plot.Font.Set(BundledFont.Name);
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.FontName = BundledFont.Name;

        var curve = Steps(backtest);
        var drawdown = plot.Add.FillY(curve.Times, curve.Peaks, curve.Equity);
        drawdown.FillColor = DrawdownColor;
        drawdown.LineWidth = 0;
        drawdown.LegendText = string.Create(CultureInfo.InvariantCulture, $"Drawdown (max {backtest.MaxDrawdownPips:#,0.#} pips)");

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);

        var equity = plot.Add.ScatterLine(curve.Times, curve.Equity, EquityColor);
        equity.LineWidth = 2;
        equity.LegendText = "Equity";

        Mark(plot, backtest, win: true);
        Mark(plot, backtest, win: false);

        // Before the labels: the date axis replaces the bottom axis, label and all.
        plot.Axes.DateTimeTicksBottom().TickGenerator = new DateTimeAutomatic
        {
            LabelFormatter = time => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
        plot.Title(Title(backtest));
        plot.XLabel("Trade close (UTC)");
        plot.YLabel("Equity (pips)");
        foreach (var label in new[] { plot.Axes.Title.Label, plot.Axes.Bottom.Label, plot.Axes.Left.Label })
        {
            // The bundled font has one face: ask for it rather than a bold that would fall back to it anyway.
            label.Bold = false;
        }

        plot.Axes.Title.Label.FontSize = 17;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = pips => pips.ToString("#,0.##", CultureInfo.InvariantCulture) };
        plot.Axes.AutoScale();
        if (curve.Equity.Max() - curve.Equity.Min() < 1)
        {
            // A flat curve (no trades, or only break-evens) gets a readable band around it instead of a zero-height axis.
            plot.Axes.SetLimitsY(curve.Equity[0] - 10, curve.Equity[0] + 10);
        }

        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>The curve as steps: flat until a trade closes, then at its new level; from the first candle to the last.</summary>
    private static (double[] Times, double[] Equity, double[] Peaks) Steps(BacktestResultDto backtest)
    {
        var times = new List<double> { X(backtest.From) };
        var equity = new List<double> { 0 };
        foreach (var point in backtest.Equity)
        {
            times.Add(X(point.Time));
            equity.Add(equity[^1]);
            times.Add(X(point.Time));
            equity.Add((double)point.Pips);
        }

        times.Add(Math.Max(X(backtest.To), times[^1]));
        equity.Add(equity[^1]);

        var peaks = new double[equity.Count];
        for (var i = 0; i < peaks.Length; i++)
        {
            peaks[i] = Math.Max(i == 0 ? 0 : peaks[i - 1], equity[i]);
        }

        return ([.. times], [.. equity], peaks);
    }

    /// <summary>Each trade at its close and the equity it left, an up triangle for a win and a down one for a loss (smaller when there are many).</summary>
    private static void Mark(Plot plot, BacktestResultDto backtest, bool win)
    {
        // One equity point per closed trade, in the same order.
        var trades = backtest.TradeList.Zip(backtest.Equity).Where(pair => pair.First.ResultPips > 0 == win).ToList();
        if (trades.Count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(
            trades.Select(pair => X(pair.Second.Time)).ToArray(), trades.Select(pair => (double)pair.Second.Pips).ToArray(),
            win ? MarkerShape.FilledTriangleUp : MarkerShape.FilledTriangleDown, backtest.Trades > 300 ? 4 : 7, win ? WinColor : LossColor);
        markers.LegendText = string.Create(CultureInfo.InvariantCulture, $"{(win ? "Wins" : "Losses")} ({trades.Count})");
    }

    private static string Title(BacktestResultDto b)
    {
        var trades = b.Trades == 0 ? "no trades" : string.Create(CultureInfo.InvariantCulture, $"{b.Trades} trades, win rate {b.WinRate:P1}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{b.Strategy} on {b.Symbol} {b.Timeframe}, {b.From.UtcDateTime:yyyy-MM-dd} to {b.To.UtcDateTime:yyyy-MM-dd}: {b.Pips:+#,0.#;-#,0.#;0} pips ({trades})");
    }

    private static double X(DateTimeOffset time) => time.UtcDateTime.ToOADate();
}
