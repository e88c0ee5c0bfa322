using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>No provider configured (the default outside Development): the engine cannot be enabled, and no check trades.</summary>
public sealed class NoMarketData(TimeProvider clock) : IMarketData
{
    public const string Missing = "No market-data provider is configured: set MarketData__Provider (twelvedata, with MarketData__TwelveData__ApiKey).";

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool IsReplay => false;

    public string Provider => MarketDataOptions.Providers.None;

    public Task<IReadOnlyList<Candle>> ClosedCandlesAsync(Instrument instrument, string interval, int count, CancellationToken cancellationToken) =>
        throw new MarketDataUnavailableException(Missing);

    public Task<decimal> LatestPriceAsync(Instrument instrument, CancellationToken cancellationToken) => throw new MarketDataUnavailableException(Missing);
}
