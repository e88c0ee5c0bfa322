using System.Text.RegularExpressions;
using System.Xml.Linq;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;
using PromoStack.Infrastructure.MarketData;
using PromoStack.Infrastructure.Signals.Charts;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Signals;

/// <summary>The backtest equity chart that the API and the CLI share, drawn from a real backtest and from an empty one.</summary>
public sealed partial class EquityChartTests
{
    private static readonly Lazy<BacktestResultDto> Gold = new(() => BacktestResultDto.Of(Backtester.Run(
        CandleCsv.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "ohlc", "xauusd_15m_sample_3000_utc.csv")),
        ForexSettings.Defaults.With(new Dictionary<string, string> { [ForexSettings.ActiveStrategyKey] = "aggressive" }), TimeZoneInfo.Utc)));

    private readonly ScottPlotEquityChart _chart = new();

    [Fact]
    public void Png_DecodesAtTheChartSize_WithTheCurveWinsAndLossesDrawn()
    {
        Gold.Value.Wins.Should().BePositive("the sample has winning trades to mark");
        Gold.Value.Losses.Should().BePositive("and losing ones");

        using var bitmap = SKBitmap.Decode(_chart.Png(Gold.Value));

        bitmap.Should().NotBeNull("the bytes are a PNG");
        (bitmap.Width, bitmap.Height).Should().Be((IEquityChart.Width, IEquityChart.Height));
        var pixels = bitmap.Pixels;
        pixels.Select(p => p.ToString()).Distinct().Count().Should().BeGreaterThan(50, "a chart, not a blank canvas");
        Count(pixels, "#1f6feb").Should().BeGreaterThan(1_000, "the equity line");
        Count(pixels, "#2da44e").Should().BeGreaterThan(50, "the win markers");
        Count(pixels, "#cf222e").Should().BeGreaterThan(50, "the loss markers");
        pixels.Count(p => p.Red < 80 && p.Green < 80 && p.Blue < 80).Should().BeGreaterThan(2_000, "dark text: title, labels and ticks");
    }

    [Fact]
    public void Svg_IsWellFormed_WithATitleDatedTicksAndPipsOnTheAxis()
    {
        var svg = XDocument.Parse(_chart.Svg(Gold.Value));

        svg.Root!.Name.LocalName.Should().Be("svg");
        var texts = Texts(svg);
        texts.Should().Contain("Trade close (UTC)").And.Contain("Equity (pips)");
        texts.Count(t => Date().IsMatch(t)).Should().BeGreaterThanOrEqualTo(3, "the x axis ticks are dates: {0}", string.Join(" | ", texts));
        texts.Should().Contain(t => t.StartsWith("aggressive on XAU/USD 15min, 2025-", StringComparison.Ordinal) && t.Contains(" pips (", StringComparison.Ordinal)
            && t.Contains($"{Gold.Value.Trades} trades", StringComparison.Ordinal));
        texts.Should().Contain($"Wins ({Gold.Value.Wins})").And.Contain($"Losses ({Gold.Value.Losses})");
        texts.Should().Contain(t => t.StartsWith("Drawdown (max ", StringComparison.Ordinal));
    }

    [Fact]
    public void ABacktestWithoutTrades_DrawsAFlatCurve_AndSaysSo()
    {
        var from = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var empty = new BacktestResultDto("conservative", "XAU/USD", "15min", 300, from, from.AddMinutes(15 * 300), 0, 0, 0, 0, 0, 0, 0, [], [],
            new Dictionary<string, int>());

        using var bitmap = SKBitmap.Decode(_chart.Png(empty));
        var texts = Texts(XDocument.Parse(_chart.Svg(empty)));

        (bitmap.Width, bitmap.Height).Should().Be((IEquityChart.Width, IEquityChart.Height));
        Count(bitmap.Pixels, "#1f6feb").Should().BeGreaterThan(500, "the flat equity line is drawn");
        texts.Should().Contain("conservative on XAU/USD 15min, 2025-03-03 to 2025-03-06: 0 pips (no trades)");
        texts.Should().Contain(t => Date().IsMatch(t));
        texts.Should().NotContain(t => t.StartsWith("Wins", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBundledFont_IsAskedBeforeTheSystemsFonts()
    {
        using var typeface = ScottPlot.Fonts.FontResolvers[0].CreateTypeface("DejaVu Sans", false, false);

        typeface.Should().NotBeNull("the chart registered its font first, so text renders where no font is installed");
        typeface!.FamilyName.Should().Be("DejaVu Sans");
        using var font = new SKFont(typeface);
        font.ContainsGlyphs("Equity (pips) 0123456789-:+%").Should().BeTrue();
        ScottPlot.Fonts.FontResolvers[0].CreateTypeface("Comic Sans MS", false, false).Should().BeNull("it answers only to its own name");
    }

    private static List<string> Texts(XDocument svg) =>
        [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];

    private static int Count(SKColor[] pixels, string hex)
    {
        var wanted = SKColor.Parse(hex);
        return pixels.Count(p => Math.Abs(p.Red - wanted.Red) + Math.Abs(p.Green - wanted.Green) + Math.Abs(p.Blue - wanted.Blue) < 24);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex Date();
}
