using System.Globalization;
using System.Text;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Cli;

/// <summary>The equity curve of a backtest as a self-contained SVG (cumulative pips per closed trade).</summary>
public static class EquityChart
{
    private const int Width = 900;
    private const int Height = 400;
    private const int Margin = 50;

    public static string Svg(BacktestResult result)
    {
        var points = new List<EquityPoint> { new(result.Trades.Count > 0 ? result.Trades[0].OpenedAt : DateTimeOffset.UnixEpoch, 0) };
        points.AddRange(result.EquityCurve);
        var (low, high) = ((double)Math.Min(0, points.Min(p => p.Pips)), (double)Math.Max(0, points.Max(p => p.Pips)));
        var span = Math.Max(high - low, 1);
        string X(int i) => (Margin + ((Width - (2.0 * Margin)) * i / Math.Max(points.Count - 1, 1))).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double pips) => (Height - Margin - ((Height - (2.0 * Margin)) * (pips - low) / span)).ToString("F1", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"25\" font-size=\"15\">{result.Strategy} on {result.Symbol}: {result.Trades.Count} trades, {result.TotalPips:+0.#;-0.#;0} pips, win rate {result.WinRate:P1}, max drawdown {result.MaxDrawdownPips:0.#} pips</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" x2=\"{Width - Margin}\" y1=\"{Y(0)}\" y2=\"{Y(0)}\" stroke=\"#999\" stroke-dasharray=\"4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"5\" y=\"{Y(high)}\">{high:0}</text><text x=\"5\" y=\"{Y(low)}\">{low:0}</text>");
        svg.Append("<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.5\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(X(i)).Append(',').Append(Y((double)points[i].Pips)).Append(' ');
        }

        svg.Append("\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Height - 15}\">{points[0].Time:yyyy-MM-dd}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Margin}\" y=\"{Height - 15}\" text-anchor=\"end\">{points[^1].Time:yyyy-MM-dd}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
