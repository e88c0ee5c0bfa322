using System.Collections.Concurrent;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>
/// Candles asked for by every tenant trading the same symbol come from one provider call per candle period: closed
/// candles cannot change until the next one closes, so an answer is reused until then (free Twelve Data plans allow
/// a few calls a minute). Prices are not cached.
/// </summary>
public sealed class CachedMarketData(IMarketData inner) : IMarketData
{
    private readonly ConcurrentDictionary<(string Symbol, string Interval), Entry> _candles = new();

    public DateTimeOffset Now => inner.Now;

    public bool IsReplay => inner.IsReplay;

    public string Provider => inner.Provider;

    public async Task<IReadOnlyList<Candle>> ClosedCandlesAsync(Instrument instrument, string interval, int count, CancellationToken cancellationToken)
    {
        var key = (instrument.Symbol, interval);
        var now = inner.Now;
        if (_candles.TryGetValue(key, out var cached) && cached.Count >= count && now < cached.ValidUntil)
        {
            return cached.Candles.Count > count ? cached.Candles.Skip(cached.Candles.Count - count).ToList() : cached.Candles;
        }

        var candles = await inner.ClosedCandlesAsync(instrument, interval, count, cancellationToken);
        if (candles.Count >= 2)
        {
            // The next candle closes one period after the last closed one did.
            var period = candles[^1].Time - candles[^2].Time;
            _candles[key] = new Entry(candles, count, candles[^1].Time + period + period);
        }

        return candles;
    }

    public Task<decimal> LatestPriceAsync(Instrument instrument, CancellationToken cancellationToken) => inner.LatestPriceAsync(instrument, cancellationToken);

    private sealed record Entry(IReadOnlyList<Candle> Candles, int Count, DateTimeOffset ValidUntil);
}
