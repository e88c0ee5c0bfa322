namespace PromoStack.Application.Signals;

/// <summary>
/// Draws a backtest's equity curve: cumulative pips over trade close times, the drawdown from the running peak shaded,
/// each trade marked as a win or a loss, and a title naming the strategy, symbol, period and final pips. The API and
/// the CLI draw the same chart through it; a backtest without trades draws a flat line, not an error.
/// </summary>
public interface IEquityChart
{
    /// <summary>The width of the chart, in pixels for <see cref="Png"/> and in SVG user units for <see cref="Svg"/>.</summary>
    const int Width = 1200;

    /// <summary>The height of the chart, in the units of <see cref="Width"/>.</summary>
    const int Height = 600;

    /// <summary>The chart as a PNG file of <see cref="Width"/> × <see cref="Height"/> pixels.</summary>
    byte[] Png(BacktestResultDto backtest);

    /// <summary>The chart as a self-contained SVG document.</summary>
    string Svg(BacktestResultDto backtest);
}
