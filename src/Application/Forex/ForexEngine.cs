using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Application.Forex;

public sealed record ForexCheckResult(string Outcome, string? Reason, DateTimeOffset CheckedAt, DateTimeOffset? Candle, SignalDto? Signal);

/// <summary>
/// Looks for a signal on the last closed candle: gates first, then the active strategy; opens and posts a signal
/// when one is found. A candle is checked once (the tenant row is locked for the check, and its last candle
/// recorded), so two instances ticking together cannot open two signals. <see cref="Forced"/> (the API) checks even
/// when the engine is switched off, and checks the current candle again.
/// </summary>
public sealed record RunForexCheck(bool Forced = false) : ITenantCommand<ForexCheckResult>;

/// <summary>The tenant's last check: when, on which candle, and why no signal (or which one).</summary>
public sealed record GetLastForexCheck : ITenantQuery<ForexCheckResult?>;

/// <summary>Applies the closed candles since each open signal's last one, closes timed-out signals, and posts the changes.</summary>
public sealed record MonitorForexSignals : ITenantCommand<int>;

internal sealed partial class RunForexCheckHandler(
    IAppDbContext db, ITenantContext tenant, IMarketData market, SignalPosts posts, ILogger<RunForexCheckHandler> logger)
    : ICommandHandler<RunForexCheck, ForexCheckResult>
{
    private const int History = 1_100;

    public async ValueTask<ForexCheckResult> Handle(RunForexCheck command, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(command, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<ForexCheckResult> CheckAsync(RunForexCheck command, CancellationToken cancellationToken)
    {
        await db.LockCurrentTenantAsync(cancellationToken);
        var tenantId = tenant.RequiredTenantId;
        var state = await db.ForexCheckStates.SingleOrDefaultAsync(cancellationToken) ?? Add(ForexCheckState.For(tenantId));
        var now = market.Now;
        await ForexConfigStore.ApplyPendingStrategyAsync(db, tenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var settings = await ForexConfigStore.SettingsAsync(db, cancellationToken);
        if (!settings.Enabled && !command.Forced)
        {
            return Record(state, now, null, "disabled", "The signal engine is switched off (forex setting 'enabled').");
        }

        if (!await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.SignalBot, cancellationToken))
        {
            return Record(state, now, null, "no_signal_bot", "Connect a signal bot to post signals.");
        }

        IReadOnlyList<Domain.Signals.Indicators.Candle> candles;
        try
        {
            candles = await market.ClosedCandlesAsync(settings.Instrument, settings.Timeframe, History, cancellationToken);
        }
        catch (MarketDataUnavailableException exception)
        {
            LogMarketDown(logger, tenantId, exception.Message);
            return Record(state, now, null, "market_unavailable", exception.Message);
        }

        if (candles.Count == 0)
        {
            return Record(state, now, null, "no_candles", "The provider has no closed candles yet.");
        }

        var candle = candles[^1].Time;
        if (!command.Forced && state.LastCandleAt >= candle)
        {
            return Result(state);
        }

        var zone = await ForexConfigStore.TenantZoneAsync(db, cancellationToken);
        var history = await db.ForexSignals.AsNoTracking()
            .Where(s => s.ClosedAt == null || s.CreatedAt >= now.AddDays(-2) || s.ClosedAt >= now.AddDays(-2))
            .Select(s => new GateHistoryEntry(s.Symbol, s.CreatedAt, s.ClosedAt, s.ResultPips))
            .ToListAsync(cancellationToken);
        if (SignalGates.Check(settings, zone, now, history) is { } rejected)
        {
            LogHeldBack(logger, tenantId, rejected.Gate, rejected.Reason);
            return Record(state, now, candle, "held_back", $"{rejected.Gate}: {rejected.Reason}");
        }

        var strategy = StrategyCatalog.For(settings.ActiveStrategy);
        var view = MarketView.Create([.. candles]);
        var decision = strategy.Evaluate(view, candles.Count - 1, settings);
        if (decision is not SignalProposal proposal)
        {
            return Record(state, now, candle, "no_signal", $"{strategy.Name}: {((NoSignal)decision).Reason}");
        }

        var signal = ForexSignal.Open(
            tenantId, proposal.Direction, settings.Timeframe, proposal.Levels(settings.Instrument), proposal.IndicatorsJson(), now,
            new SignalOrigin(settings.Instrument, strategy.Name, market.IsReplay ? SignalSource.Demo : SignalSource.Live, proposal.Exits ?? settings.Exits),
            candle);
        db.ForexSignals.Add(signal);
        await db.SaveChangesAsync(cancellationToken);
        await posts.PostOpenedAsync(signal, cancellationToken);
        var result = Record(state, now, candle, "signal_opened", null, signal.Id);
        return result with { Signal = SignalView.Of(signal) };
    }

    private ForexCheckState Add(ForexCheckState state)
    {
        db.ForexCheckStates.Add(state);
        return state;
    }

    private static ForexCheckResult Record(ForexCheckState state, DateTimeOffset now, DateTimeOffset? candle, string outcome, string? reason, int? signalId = null)
    {
        state.Record(now, candle, outcome, reason, signalId);
        return Result(state);
    }

    internal static ForexCheckResult Result(ForexCheckState state) => new(state.Outcome, state.Reason, state.CheckedAt, state.LastCandleAt, null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forex check for tenant {Tenant}: market data unavailable ({Reason}); retried on the next tick")]
    private static partial void LogMarketDown(ILogger logger, string tenant, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forex check for tenant {Tenant}: held back by {Gate} ({Reason})")]
    private static partial void LogHeldBack(ILogger logger, string tenant, string gate, string reason);
}

internal sealed class GetLastForexCheckHandler(IAppDbContext db) : IQueryHandler<GetLastForexCheck, ForexCheckResult?>
{
    public async ValueTask<ForexCheckResult?> Handle(GetLastForexCheck query, CancellationToken cancellationToken) =>
        await db.ForexCheckStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } state ? RunForexCheckHandler.Result(state) : null;
}

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
