using Microsoft.Extensions.Options;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>
/// Replays 15-minute candles (from <c>MarketData__Csv__Path</c>, or synthetic) on a clock that runs
/// <c>MarketData__Replay__Speed</c> times faster than real time, starting a few hundred candles in so the
/// indicators are warm at once. Its signals are demo signals. Hourly candles are aggregated; other intervals are not
/// available, so monitoring uses the 15-minute candles.
/// </summary>
public sealed class ReplayMarketData : IMarketData
{
    private const int WarmCandles = 300;
    private static readonly TimeSpan Bar = TimeSpan.FromMinutes(15);
    private readonly Candle[] _candles;
    private readonly TimeProvider _clock;
    private readonly double _speed;
    private readonly DateTimeOffset _startedAt;
    private readonly DateTimeOffset _replayStart;

    public ReplayMarketData(IOptions<MarketDataOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        _candles = settings.Csv.Path is { Length: > 0 } path
            ? CandleCsv.Read(path)
            : SyntheticCandles.Generate(settings.Replay.SyntheticCandles, settings.Replay.Seed, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        if (_candles.Length <= WarmCandles)
        {
            throw new CandleFileException($"A replay needs more than {WarmCandles} candles; it has {_candles.Length}.");
        }

        _clock = clock;
        _speed = settings.Replay.Speed > 0 ? settings.Replay.Speed : 1;
        _startedAt = clock.GetUtcNow();
        _replayStart = _candles[WarmCandles].Time;
    }

    public DateTimeOffset Now => _replayStart + ((_clock.GetUtcNow() - _startedAt) * _speed);

    public bool IsReplay => true;

    public string Provider => MarketDataOptions.Providers.Replay;

    public Task<IReadOnlyList<Candle>> ClosedCandlesAsync(Instrument instrument, string interval, int count, CancellationToken cancellationToken)
    {
        var closed = ClosedCount(Now);
        IReadOnlyList<Candle> result = interval switch
        {
            "15min" => _candles[Math.Max(0, closed - count)..closed],
            "1h" => Hourly(closed, count),
            _ => [],
        };
        return Task.FromResult(result);
    }

    public Task<decimal> LatestPriceAsync(Instrument instrument, CancellationToken cancellationToken) =>
        Task.FromResult((decimal)_candles[Math.Max(ClosedCount(Now), 1) - 1].Close);

    /// <summary>How many candles have closed by <paramref name="time"/>.</summary>
    private int ClosedCount(DateTimeOffset time)
    {
        var low = 0;
        var high = _candles.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_candles[middle].Time + Bar <= time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private Candle[] Hourly(int closed, int count)
    {
        var hours = CandleSeries.Hourly(_candles.AsSpan(0, closed)).Hourly.AsSpan();

        // The last hour is complete only once its last quarter has closed.
        if (hours.Length > 0 && _candles[closed - 1].Time.Minute != 45)
        {
            hours = hours[..^1];
        }

        return hours[Math.Max(0, hours.Length - count)..].ToArray();
    }
}
