using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using PromoStack.Application.Signals;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Signals;

/// <summary><c>POST /api/forex/backtest?format=png|svg</c>: the equity chart instead of the figures.</summary>
public sealed class BacktestChartTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Lazy<List<SentCandle>> Candles = new(() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "ohlc", "xauusd_15m_sample_3000_utc.csv")).Skip(1).Take(2_500)
            .Select(line => line.Split(','))
            .Select(c => new SentCandle(DateTimeOffset.Parse(c[0], CultureInfo.InvariantCulture), Number(c[1]), Number(c[2]), Number(c[3]), Number(c[4])))]);

    private Session _member = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _member = await NewTenantAsync("alpha");
    }

    [Fact]
    public async Task Backtest_AsPng_IsTheChartImage()
    {
        var response = await _member.Client.PostAsJsonAsync("/api/forex/backtest?format=png", new { strategy = "aggressive", candles = Candles.Value });

        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        using var bitmap = SKBitmap.Decode(bytes);
        bitmap.Should().NotBeNull();
        (bitmap.Width, bitmap.Height).Should().Be((IEquityChart.Width, IEquityChart.Height));
        bitmap.Pixels.Select(p => p.ToString()).Distinct().Count().Should().BeGreaterThan(50);
    }

    [Fact]
    public async Task Backtest_AsSvg_IsTheChartDocument_TitledWithTheRun()
    {
        var response = await _member.Client.PostAsJsonAsync("/api/forex/backtest?format=svg", new { strategy = "conservative", candles = Candles.Value });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var texts = XDocument.Parse(body).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        texts.Should().Contain("Equity (pips)").And.Contain(t => t.StartsWith("conservative on XAU/USD 15min, 2025-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backtest_WithoutAFormat_OrAsJson_StaysTheFigures_WithThePeriod()
    {
        foreach (var url in new[] { "/api/forex/backtest", "/api/forex/backtest?format=json" })
        {
            var response = await _member.Client.PostAsJsonAsync(url, new { strategy = "aggressive", candles = Candles.Value });

            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            var result = await response.JsonAsync();
            result.GetProperty("candles").GetInt32().Should().Be(2_500);
            result.GetProperty("timeframe").GetString().Should().Be("15min");
            result.GetProperty("from").GetDateTimeOffset().Should().Be(Candles.Value[0].Time);
            result.GetProperty("to").GetDateTimeOffset().Should().BeAfter(result.GetProperty("from").GetDateTimeOffset());
        }
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("7")]
    public async Task Backtest_InAnUnknownFormat_Is400NamingFormat(string format)
    {
        var response = await _member.Client.PostAsJsonAsync($"/api/forex/backtest?format={format}", new { strategy = "aggressive", candles = Candles.Value });

        await response.ShouldHaveFieldErrorAsync("format");
    }

    [Fact]
    public async Task Backtest_AsAChart_StillValidatesTheRequest()
    {
        var response = await _member.Client.PostAsJsonAsync("/api/forex/backtest?format=png", new { strategy = "yolo", candles = Candles.Value });

        await response.ShouldHaveFieldErrorAsync("strategy");
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheBacktestsFormats_AndItsImageResponses()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

        var operation = document.GetProperty("paths").GetProperty("/api/forex/backtest").GetProperty("post");
        var format = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "format");
        format.GetProperty("in").GetString().Should().Be("query");
        format.GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/BacktestFormat");
        document.GetProperty("components").GetProperty("schemas").GetProperty("BacktestFormat").GetProperty("enum").EnumerateArray()
            .Select(value => value.GetString()).OfType<string>().Should().Equal("json", "png", "svg");
        var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content");
        ok.EnumerateObject().Select(c => c.Name).Should().Contain(["application/json", "image/png", "image/svg+xml"]);
        ok.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/BacktestResultDto");
        ok.GetProperty("image/png").GetProperty("schema").GetProperty("format").GetString().Should().Be("binary");
        ok.GetProperty("image/svg+xml").GetProperty("schema").GetProperty("format").GetString().Should().Be("binary");
        operation.GetProperty("responses").GetProperty("400").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Contain("application/problem+json");
    }

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private sealed record SentCandle(DateTimeOffset Time, double Open, double High, double Low, double Close);
}
