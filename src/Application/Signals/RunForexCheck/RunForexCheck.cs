using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Application.Signals;

/// <summary>
/// Looks for a signal on the last closed candle: gates first, then the active strategy; opens and posts a signal
/// when one is found. A candle is checked once (the tenant row is locked for the check, and its last candle
/// recorded), so two instances ticking together cannot open two signals. <see cref="Forced"/> (the API) checks even
/// when the engine is switched off, and checks the current candle again.
/// </summary>
public sealed record RunForexCheck(bool Forced = false) : ITenantCommand<ForexCheckResult>;

internal sealed partial class RunForexCheckHandler(
    IAppDbContext db, ITenantContext tenant, IMarketData market, SignalPosts posts, TypeAdapterConfig mappings, ILogger<RunForexCheckHandler> logger)
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
        return result with { Signal = signal.Adapt<SignalDto>(mappings) };
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
