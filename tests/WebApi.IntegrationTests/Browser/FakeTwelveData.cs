using System.Globalization;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// A fake Twelve Data on 127.0.0.1 for a test class: <c>/time_series</c> answers with 2,500 real 15-minute gold
/// candles (<c>tests/TestData/ohlc</c>), newest first, numbers as strings, as the real API does.
/// </summary>
public sealed class FakeTwelveData : IDisposable
{
    public const string ApiKey = "td_test_key";

    public FakeTwelveData()
    {
        Server = WireMockServer.Start();
        var values = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "ohlc", "xauusd_15m_sample_3000_utc.csv")).Skip(1).Take(2_500)
            .Select(line => line.Split(','))
            .Reverse()
            .Select(c => new
            {
                datetime = DateTimeOffset.Parse(c[0], CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                open = c[1], high = c[2], low = c[3], close = c[4], volume = c[5],
            });
        var body = JsonSerializer.Serialize(new { meta = new { symbol = "XAU/USD", interval = "15min" }, values, status = "ok" });
        Server.Given(Request.Create().WithPath("/time_series").UsingGet().WithParam("apikey", ApiKey))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body));
    }

    public WireMockServer Server { get; }

    /// <summary>The configuration that points an app at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["MarketData:Provider"] = "twelvedata",
        ["MarketData:TwelveData:BaseUrl"] = Server.Url,
        ["MarketData:TwelveData:ApiKey"] = ApiKey,
    };

    public void Dispose() => Server.Stop();
}
