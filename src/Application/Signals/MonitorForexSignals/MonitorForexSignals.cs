using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Application.Signals;

/// <summary>Applies the closed candles since each open signal's last one, closes timed-out signals, and posts the changes.</summary>
public sealed record MonitorForexSignals : ITenantCommand<int>;

internal sealed partial class MonitorForexSignalsHandler(
    IAppDbContext db, IMarketData market, SignalPosts posts, ILogger<MonitorForexSignalsHandler> logger)
    : ICommandHandler<MonitorForexSignals, int>
{
    public async ValueTask<int> Handle(MonitorForexSignals command, CancellationToken cancellationToken)
    {
        await db.LockCurrentTenantAsync(cancellationToken);
        var open = await db.ForexSignals
            .Where(s => s.Status == SignalStatus.Active || s.Status == SignalStatus.Tp1Hit || s.Status == SignalStatus.Tp2Hit)
            .Where(s => s.Source == (market.IsReplay ? SignalSource.Demo : SignalSource.Live))
            .ToListAsync(cancellationToken);
        var settings = await ForexConfigStore.SettingsAsync(db, cancellationToken);
        var changed = 0;
        foreach (var signal in open)
        {
            await RecordSentPostAsync(signal, cancellationToken);
            IReadOnlyList<Domain.Signals.Indicators.Candle> candles;
            try
            {
                // One-minute candles see every wick; a provider without them (a replay) gives the signal's own.
                candles = await market.ClosedCandlesAsync(signal.Instrument, "1min", 300, cancellationToken);
                if (candles.Count == 0)
                {
                    candles = await market.ClosedCandlesAsync(signal.Instrument, signal.Timeframe, 100, cancellationToken);
                }
            }
            catch (MarketDataUnavailableException exception)
            {
                LogMarketDown(logger, signal.Id, exception.Message);
                continue;
            }

            var (before, targetsBefore) = (signal.Status, signal.TargetsHit);
            foreach (var candle in candles.Where(c => c.Time > signal.MonitoredThrough))
            {
                signal.ApplyCandle(candle.Time, signal.Instrument.Price(candle.High), signal.Instrument.Price(candle.Low), market.Now);
            }

            if (signal.IsOpen && market.Now - signal.CreatedAt >= settings.Timeout && candles.Count > 0)
            {
                signal.Close(SignalCloseReason.Timeout, signal.Instrument.Price(candles[^1].Close), market.Now);
            }

            await RevalidateAsync(signal, settings, cancellationToken);

            if (signal.Status == before && signal.TargetsHit == targetsBefore)
            {
                continue;
            }

            changed++;
            await AnnounceAsync(signal, targetsBefore, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private async Task AnnounceAsync(ForexSignal signal, int targetsBefore, CancellationToken cancellationToken)
    {
        for (var level = targetsBefore + 1; level <= signal.TargetsHit; level++)
        {
            var price = level switch { 1 => signal.TakeProfit1, 2 => signal.TakeProfit2, _ => signal.TakeProfit3 };
            await posts.PostChangeAsync(signal, $"tp{level}", $"✅ <b>TP{level} hit</b> at {price?.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        }

        if (!signal.IsOpen && signal.Status != SignalStatus.Tp3Hit)
        {
            var text = signal.Status == SignalStatus.Stopped
                ? $"🛑 <b>Stopped</b> at {signal.ExitPrice?.ToString(CultureInfo.InvariantCulture)} · {SignalPosts.Result(signal)}"
                : $"⏹ <b>Closed</b> ({SignalPosts.Reason(signal)}) at {signal.ExitPrice?.ToString(CultureInfo.InvariantCulture)} · {SignalPosts.Result(signal)}";
            await posts.PostChangeAsync(signal, "end", text, cancellationToken);
        }
    }

    /// <summary>
    /// Once a signal has run for <c>revalidate_after_minutes</c>, its strategy is asked again on every tick about the
    /// last closed candle of the signal's timeframe (the candles are cached until the next closes); a signal the other
    /// way means the thesis failed, and the signal is closed at that candle's close.
    /// </summary>
    private async Task RevalidateAsync(ForexSignal signal, ForexSettings settings, CancellationToken cancellationToken)
    {
        var after = TimeSpan.FromMinutes(settings.Integer("revalidate_after_minutes"));
        if (!ForexSettings.Strategies.Contains(signal.Strategy) || !signal.IsDueForRevalidation(market.Now, after))
        {
            return;
        }

        IReadOnlyList<Domain.Signals.Indicators.Candle> candles;
        try
        {
            candles = await market.ClosedCandlesAsync(signal.Instrument, signal.Timeframe, 1_100, cancellationToken);
        }
        catch (MarketDataUnavailableException)
        {
            return;
        }

        if (candles.Count == 0)
        {
            return;
        }

        var latest = StrategyCatalog.For(signal.Strategy).Evaluate(MarketView.Create([.. candles]), candles.Count - 1, settings) as SignalProposal;
        if (signal.IsContradictedBy(latest?.Direction, market.Now, after))
        {
            signal.Close(SignalCloseReason.Invalidated, signal.Instrument.Price(candles[^1].Close), market.Now);
        }
    }

    /// <summary>Hands the post's Telegram message id back onto the signal once the outbox has sent it.</summary>
    private async Task RecordSentPostAsync(ForexSignal signal, CancellationToken cancellationToken)
    {
        if (signal.TelegramMessageId is null && signal.TelegramPostOutboxId is { } post
            && await db.TelegramOutbox.Where(m => m.Id == post).Select(m => m.TelegramMessageId).SingleOrDefaultAsync(cancellationToken) is { } messageId)
        {
            signal.RecordTelegramMessage(messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Monitoring signal {Signal}: market data unavailable ({Reason}); retried on the next tick")]
    private static partial void LogMarketDown(ILogger logger, int signal, string reason);
}
