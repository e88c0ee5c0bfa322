using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>
/// Twelve Data over HTTP: candles from <c>/time_series</c> (UTC, newest first, numbers as strings; the candle still
/// forming is dropped), prices from <c>/price</c>. Errors arrive as <c>{"status":"error"}</c>, sometimes with HTTP
/// 200; each becomes a <see cref="MarketDataUnavailableException"/> with the provider's message (never the key).
/// </summary>
public sealed class TwelveDataMarketData(HttpClient http, IOptions<MarketDataOptions> options, TimeProvider clock) : IMarketData
{
    public const string HttpClientName = "twelvedata";

    private static readonly Dictionary<string, TimeSpan> Intervals = new()
    {
        ["1min"] = TimeSpan.FromMinutes(1), ["5min"] = TimeSpan.FromMinutes(5), ["15min"] = TimeSpan.FromMinutes(15),
        ["30min"] = TimeSpan.FromMinutes(30), ["1h"] = TimeSpan.FromHours(1), ["4h"] = TimeSpan.FromHours(4), ["1day"] = TimeSpan.FromDays(1),
    };

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool IsReplay => false;

    public string Provider => MarketDataOptions.Providers.TwelveData;

    public async Task<IReadOnlyList<Candle>> ClosedCandlesAsync(Instrument instrument, string interval, int count, CancellationToken cancellationToken)
    {
        var length = Intervals.TryGetValue(interval, out var known) ? known : throw new ArgumentException($"Unknown interval '{interval}'.", nameof(interval));
        using var json = await GetAsync(
            $"time_series?symbol={Uri.EscapeDataString(instrument.Symbol)}&interval={interval}&outputsize={count + 1}&timezone=UTC", cancellationToken);
        if (!json.RootElement.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw new MarketDataUnavailableException("Twelve Data answered without candles.");
        }

        var now = clock.GetUtcNow();
        var candles = new List<Candle>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            var time = DateTimeOffset.ParseExact(value.GetProperty("datetime").GetString()!, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            if (time + length > now)
            {
                continue;
            }

            candles.Add(new Candle(time, Number(value, "open"), Number(value, "high"), Number(value, "low"), Number(value, "close"),
                value.TryGetProperty("volume", out _) ? Number(value, "volume") : 0));
        }

        candles.Reverse();
        return candles.Count > count ? candles[^count..] : candles;
    }

    public async Task<decimal> LatestPriceAsync(Instrument instrument, CancellationToken cancellationToken)
    {
        using var json = await GetAsync($"price?symbol={Uri.EscapeDataString(instrument.Symbol)}", cancellationToken);
        return json.RootElement.TryGetProperty("price", out var price) && decimal.TryParse(price.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MarketDataUnavailableException("Twelve Data answered without a price.");
    }

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var settings = options.Value.TwelveData;
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new MarketDataUnavailableException("No Twelve Data key: set MarketData__TwelveData__ApiKey.");
        }

        var url = $"{settings.BaseUrl.TrimEnd('/')}/{pathAndQuery}&apikey={Uri.EscapeDataString(settings.ApiKey)}";
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MarketDataUnavailableException("Twelve Data is unreachable.", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(body);
            }
            catch (JsonException exception)
            {
                throw new MarketDataUnavailableException($"Twelve Data answered HTTP {(int)response.StatusCode} with no JSON.", exception);
            }

            if (!response.IsSuccessStatusCode || (json.RootElement.TryGetProperty("status", out var status) && status.GetString() == "error"))
            {
                var code = json.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int)response.StatusCode;
                var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
                json.Dispose();
                throw new MarketDataUnavailableException(code == (int)HttpStatusCode.TooManyRequests
                    ? $"Twelve Data's rate limit was reached: {message}"
                    : $"Twelve Data refused the request ({code}): {message}");
            }

            return json;
        }
    }

    private static double Number(JsonElement value, string property) =>
        double.Parse(value.GetProperty(property).GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
