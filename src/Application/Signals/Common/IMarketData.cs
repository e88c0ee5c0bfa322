using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Application.Signals;

/// <summary>Candles and prices for an instrument, from whichever provider is configured (Twelve Data, or a replay).</summary>
public interface IMarketData
{
    /// <summary>The last <paramref name="count"/> closed candles of <paramref name="interval"/> (<c>1min</c>, <c>15min</c>, <c>1h</c>), oldest first.</summary>
    Task<IReadOnlyList<Candle>> ClosedCandlesAsync(Instrument instrument, string interval, int count, CancellationToken cancellationToken);

    Task<decimal> LatestPriceAsync(Instrument instrument, CancellationToken cancellationToken);

    /// <summary>The provider's clock: the wall clock for a live feed, the replayed time for a replay.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Whether its signals are demo signals (a replay) rather than live ones.</summary>
    bool IsReplay { get; }

    /// <summary>The provider's name (<c>twelvedata</c>, <c>replay</c>), or <see cref="NoProvider"/> when none is configured.</summary>
    string Provider { get; }

    /// <summary>The <see cref="Provider"/> of a configuration without market data: the engine cannot be enabled.</summary>
    const string NoProvider = "none";
}

/// <summary>The provider could not answer (down, rate limited, bad key): a 503 for the API, a retry for the schedule.</summary>
public sealed class MarketDataUnavailableException(string message, Exception? inner = null) : OutsideServiceUnavailableException(message, inner);
