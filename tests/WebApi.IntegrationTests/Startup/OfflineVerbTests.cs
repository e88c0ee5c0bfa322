using System.Globalization;
using System.Xml.Linq;
using PromoStack.Application.Signals;
using PromoStack.Cli;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>./promostack indicators and backtest: candle files in, files out, no database.</summary>
public sealed class OfflineVerbTests : IDisposable
{
    private static readonly string Gold3000 = Path.Combine(AppContext.BaseDirectory, "TestData", "ohlc", "xauusd_15m_sample_3000_utc.csv");
    private static readonly string Expected3000 = Path.Combine(AppContext.BaseDirectory, "TestData", "indicators", "derived_xauusd_15m_sample_3000_expected.csv");
    private readonly string _directory = Directory.CreateTempSubdirectory("promostack-offline-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Indicators_WritesEveryColumnPerCandle_WithEmptyWarmUpCells_MatchingTheReference()
    {
        var path = Path.Combine(_directory, "out.csv");

        Run("indicators", "--candles", Gold3000, "--out", path).Should().Be(0, _error.ToString());

        var lines = File.ReadAllLines(path);
        lines[0].Should().Be("time_utc,sma20,ema20,rsi14,tr,atr14,pdi14,mdi14,adx14,macd,macd_signal,macd_hist,bb_mid,bb_upper,bb_lower,stoch_k,stoch_d");
        lines.Should().HaveCount(3001);
        var expected = File.ReadAllLines(Expected3000);
        var header = expected[0].Split(',');
        foreach (var row in new[] { 27, 33, 500, 2999 })
        {
            var ours = lines[row + 1].Split(',');
            var theirs = expected[row + 1].Split(',');
            ours[0].Should().Be(theirs[Array.IndexOf(header, "time_utc")]);
            Cell(ours[3]).Should().BeApproximately(Cell(theirs[Array.IndexOf(header, "rsi14")]), 1e-6);
            Cell(ours[8]).Should().BeApproximately(Cell(theirs[Array.IndexOf(header, "adx14")]), 1e-6);
        }

        lines[14].Split(',')[3].Should().BeEmpty("RSI(14) is warming up on the 14th candle");
    }

    [Fact]
    public void Backtest_WritesTradesAndTheEquityChartAsSvgAndPngHere_AndSummarizes()
    {
        Run("backtest", "--candles", Gold3000, "--strategy", "aggressive", "--set", "max_signals_per_day=3").Should().Be(0, _error.ToString());

        _output.ToString().Should().Contain("aggressive on XAU/USD: 3,000 candles").And.Contain("win rate");
        var trades = File.ReadAllLines(Path.Combine(_directory, "trades.csv"));
        trades[0].Should().Be("number,direction,opened_at,closed_at,entry,stop_loss,tp1,tp2,tp3,status,close_reason,targets_hit,exit_price,result_pips,result_r");
        trades.Length.Should().BeGreaterThan(1);
        trades.Skip(1).Should().AllSatisfy(t => t.Split(',')[9].Should().BeOneOf("TP3_HIT", "STOPPED", "CLOSED"));
        var svg = XDocument.Load(Path.Combine(_directory, "equity.svg"));
        svg.Root!.Name.LocalName.Should().Be("svg");
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).Should()
            .Contain("Equity (pips)").And.Contain(t => t.StartsWith("aggressive on XAU/USD 15min, ", StringComparison.Ordinal));
        using var png = SKBitmap.Decode(Path.Combine(_directory, "equity.png"));
        png.Should().NotBeNull("the PNG beside it decodes");
        (png.Width, png.Height).Should().Be((IEquityChart.Width, IEquityChart.Height));
        _output.ToString().Should().Contain("equity.svg").And.Contain("equity.png");
    }

    [Theory]
    [InlineData("backtest", "--strategy", "aggressive")]
    [InlineData("backtest", "--candles")]
    [InlineData("indicators", "--candles", "{gold}")]
    public void MissingOptions_ExitWithUsage(params string[] args)
    {
        Run([.. args.Select(a => a.Replace("{gold}", Gold3000, StringComparison.Ordinal))]).Should().Be(2);

        _error.ToString().Should().Contain("usage: ./promostack");
    }

    [Fact]
    public void ABadSettingOrStrategy_IsNamed()
    {
        Run("backtest", "--candles", Gold3000, "--strategy", "martingale").Should().Be(2);
        Run("backtest", "--candles", Gold3000, "--strategy", "aggressive", "--set", "rsi_oversold=80").Should().Be(2);

        _error.ToString().Should().Contain("'martingale'").And.Contain("rsi_oversold '80' must be between 1 and 50");
    }

    [Theory]
    [InlineData("time,open,high,low,close\n", "the first line must be")]
    [InlineData("time_utc,open,high,low,close,volume\n2025-01-01T00:00:00Z,1,2,0.5,1.5,10\n2025-01-01T00:00:00Z,1,2,0.5,1.5,10\n", "line 3: times must increase")]
    [InlineData("time_utc,open,high,low,close,volume\n2025-01-01T00:00:00Z,1,1.2,0.5,1.5,10\n", "line 2: high and low must enclose")]
    [InlineData("time_utc,open,high,low,close,volume\nyesterday,1,2,0.5,1.5,10\n", "line 2: 'yesterday' is not a UTC time")]
    public void AMalformedCandleFile_IsRejectedWithTheLine(string content, string message)
    {
        var path = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(path, content);

        Run("indicators", "--candles", path, "--out", Path.Combine(_directory, "out.csv")).Should().Be(2);

        _error.ToString().Should().Contain(message);
    }

    private int Run(params string[] args) => OfflineVerbs.Run(args, _directory, _output, _error);

    private static double Cell(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
