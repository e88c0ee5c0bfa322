using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Infrastructure.MarketData;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Signals;

/// <summary>The Twelve Data adapter against a fake server on 127.0.0.1 that answers like the real API.</summary>
public sealed class TwelveDataTests : IDisposable
{
    private const string Key = "secret-key-123";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 8, 15, 21, 5, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
    }

    [Fact]
    public async Task Candles_ComeOldestFirst_InUtc_WithoutTheOneStillForming()
    {
        Answer("/time_series", 200, """
            {"meta":{"symbol":"XAU/USD","interval":"15min"},"values":[
              {"datetime":"2025-08-15 21:00:00","open":"3336.5","high":"3337","low":"3336","close":"3336.8"},
              {"datetime":"2025-08-15 20:45:00","open":"3336.1","high":"3338.2","low":"3335.9","close":"3336.5","volume":"120"},
              {"datetime":"2025-08-15 20:30:00","open":"3335.0","high":"3336.4","low":"3334.8","close":"3336.1"}],"status":"ok"}
            """);

        var candles = await Adapter().ClosedCandlesAsync(Instrument.XauUsd, "15min", 2, CancellationToken.None);

        candles.Select(c => c.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Should().Equal("20:30", "20:45");
        candles[1].High.Should().Be(3338.2);
        candles[1].Volume.Should().Be(120);
        var query = _server.LogEntries.Single().RequestMessage!.Query!;
        query["symbol"].Single().Should().Be("XAU/USD");
        query["timezone"].Single().Should().Be("UTC");
        query["apikey"].Single().Should().Be(Key);
    }

    [Fact]
    public async Task APrice_IsRead()
    {
        Answer("/price", 200, """{"price":"3336.10"}""");

        (await Adapter().LatestPriceAsync(Instrument.XauUsd, CancellationToken.None)).Should().Be(3336.10m);
    }

    [Theory]
    [InlineData(200, """{"code":429,"message":"You have run out of API credits for the current minute.","status":"error"}""", "rate limit")]
    [InlineData(401, """{"code":401,"message":"**apikey** parameter is incorrect or not specified.","status":"error"}""", "refused the request (401)")]
    [InlineData(502, "<html>bad gateway</html>", "HTTP 502 with no JSON")]
    public async Task ErrorsOfEveryShape_BecomeUnavailable_WithoutTheKey(int status, string body, string message)
    {
        Answer("/time_series", status, body);

        var read = () => Adapter().ClosedCandlesAsync(Instrument.XauUsd, "15min", 10, CancellationToken.None);

        var thrown = (await read.Should().ThrowAsync<MarketDataUnavailableException>()).Which;
        thrown.Message.Should().Contain(message).And.NotContain(Key);
    }

    [Fact]
    public async Task AnUnreachableServer_IsUnavailable()
    {
        var adapter = Adapter("http://127.0.0.1:1");

        await adapter.Invoking(a => a.LatestPriceAsync(Instrument.XauUsd, CancellationToken.None)).Should().ThrowAsync<MarketDataUnavailableException>();
    }

    [Fact]
    public async Task WithoutAKey_NothingIsAsked()
    {
        var adapter = new TwelveDataMarketData(_http, Options.Create(new MarketDataOptions { TwelveData = { BaseUrl = _server.Url!, ApiKey = null } }), _clock);

        await adapter.Invoking(a => a.LatestPriceAsync(Instrument.XauUsd, CancellationToken.None)).Should().ThrowAsync<MarketDataUnavailableException>()
            .WithMessage("*MarketData__TwelveData__ApiKey*");
        _server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Cached_EveryTenantOfASymbolSharesOneCallPerCandle_UntilTheNextCloses()
    {
        Answer("/time_series", 200, """
            {"values":[
              {"datetime":"2025-08-15 20:45:00","open":"3336.1","high":"3338.2","low":"3335.9","close":"3336.5"},
              {"datetime":"2025-08-15 20:30:00","open":"3335.0","high":"3336.4","low":"3334.8","close":"3336.1"}],"status":"ok"}
            """);
        var cached = new CachedMarketData(Adapter());

        await cached.ClosedCandlesAsync(Instrument.XauUsd, "15min", 2, CancellationToken.None);
        await cached.ClosedCandlesAsync(Instrument.XauUsd, "15min", 1, CancellationToken.None);
        _server.LogEntries.Should().HaveCount(1, "the 21:00 candle has not closed yet");

        _clock.Advance(TimeSpan.FromMinutes(11));
        await cached.ClosedCandlesAsync(Instrument.XauUsd, "15min", 2, CancellationToken.None);
        _server.LogEntries.Should().HaveCount(2, "a new candle has closed since");
    }

    private TwelveDataMarketData Adapter(string? baseUrl = null) =>
        new(_http, Options.Create(new MarketDataOptions { TwelveData = { BaseUrl = baseUrl ?? _server.Url!, ApiKey = Key } }), _clock);

    private void Answer(string path, int status, string body) =>
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
