using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>Stored as <c>ACTIVE</c>, <c>TP1_HIT</c>, <c>TP2_HIT</c>, <c>TP3_HIT</c>, <c>STOPPED</c>, <c>CLOSED</c>.</summary>
public enum SignalStatus
{
    Active,
    Tp1Hit,
    Tp2Hit,
    Tp3Hit,
    Stopped,
    Closed,
}

/// <summary>Stored as <c>BUY</c> / <c>SELL</c>.</summary>
public enum SignalDirection
{
    Buy,
    Sell,
}

/// <summary>Stored as <c>live</c> / <c>demo</c>. Demo signals (replayed candles, sandbox bots) never count in real figures.</summary>
public enum SignalSource
{
    Live,
    Demo,
}

/// <summary>Why a signal ended. Stored lowercase with underscores.</summary>
public enum SignalCloseReason
{
    /// <summary>Its last target was hit; nothing is left open.</summary>
    FinalTarget,
    StopLoss,
    Manual,
    Timeout,

    /// <summary>The strategy no longer holds (its thesis failed).</summary>
    Invalidated,
}

/// <summary>Where a signal comes from: its symbol, strategy, source, and how it is taken off.</summary>
public sealed record SignalOrigin(Instrument Instrument, string Strategy, SignalSource Source, ExitPlan Exits)
{
    public static SignalOrigin Manual { get; } = new(Instrument.Default, "manual", SignalSource.Live, ExitPlan.Default);
}

/// <summary>
/// A trading signal and its lifecycle: targets are hit in order (TP1 → TP2 → TP3); a stop or a close may end it from
/// any open state; TP3, a stop and a close are final. After TP1 the stop moves to the entry and after TP2 to TP1
/// (per its exit plan); each target closes its part of the position, so the result is weighted by those parts.
/// </summary>
public sealed class ForexSignal : AggregateRoot, ITenantOwned
{
    public static readonly StateMachine<SignalStatus> Transitions = new("Signal",
    [
        (SignalStatus.Active, [SignalStatus.Tp1Hit, SignalStatus.Stopped, SignalStatus.Closed]),
        (SignalStatus.Tp1Hit, [SignalStatus.Tp2Hit, SignalStatus.Stopped, SignalStatus.Closed]),
        (SignalStatus.Tp2Hit, [SignalStatus.Tp3Hit, SignalStatus.Stopped, SignalStatus.Closed]),
    ]);

    private ForexSignal(string tenantId, SignalDirection direction, string timeframe, string indicatorsUsed, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Direction = direction;
        Timeframe = timeframe;
        IndicatorsUsed = indicatorsUsed;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public SignalDirection Direction { get; private set; }
    public string Timeframe { get; private set; }
    public decimal EntryPrice { get; private set; }

    /// <summary>The stop as posted (the initial stop); it never moves. <see cref="CurrentStop"/> does.</summary>
    public decimal StopLoss { get; private set; }

    public decimal? TakeProfit1 { get; private set; }
    public decimal? TakeProfit2 { get; private set; }
    public decimal? TakeProfit3 { get; private set; }
    public SignalStatus Status { get; private set; }
    public int? TelegramMessageId { get; private set; }
    public string IndicatorsUsed { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string Symbol { get; private set; } = Instrument.Default.Symbol;
    public string Strategy { get; private set; } = SignalOrigin.Manual.Strategy;
    public SignalSource Source { get; private set; }
    public decimal CurrentStop { get; private set; }
    public string Partials { get; private set; } = ExitPlan.Default.Partials;
    public bool BreakevenAfterTp1 { get; private set; } = true;
    public bool TrailToTp1AfterTp2 { get; private set; } = true;
    public decimal? ExitPrice { get; private set; }
    public decimal? ResultPips { get; private set; }
    public decimal? ResultR { get; private set; }
    public SignalCloseReason? CloseReason { get; private set; }

    /// <summary>The open time of the last candle monitoring applied; a candle is never applied twice.</summary>
    public DateTimeOffset? MonitoredThrough { get; private set; }

    /// <summary>The outbox row of its post in the VIP channel; edits and replies depend on it.</summary>
    public long? TelegramPostOutboxId { get; private set; }

    public bool IsOpen => !Transitions.IsTerminal(Status);

    /// <summary>A win when the weighted result is above zero: TP1 then a stop at breakeven is a win.</summary>
    public bool? IsWin => ResultPips is { } pips ? pips > 0 : null;

    public Instrument Instrument => Instrument.For(Symbol);

    public ExitPlan Exits => ExitPlan.Parse(Partials, BreakevenAfterTp1, TrailToTp1AfterTp2);

    public int TargetCount => new[] { TakeProfit1, TakeProfit2, TakeProfit3 }.Count(t => t is not null);

    /// <summary>How many targets were reached (kept after a stop or close, which the status alone would not show).</summary>
    public int TargetsHit { get; private set; }

    public decimal? NextTarget => IsOpen && TargetsHit < TargetCount ? TargetPrice(TargetsHit + 1) : null;

    public static ForexSignal Open(
        string tenantId, SignalDirection direction, string timeframe, SignalLevels levels, string indicatorsJson, DateTimeOffset now,
        SignalOrigin? origin = null, DateTimeOffset? signalCandle = null)
    {
        levels.EnsureConsistent(direction);
        var from = origin ?? SignalOrigin.Manual;
        var exits = from.Exits.Validated();
        var signal = new ForexSignal(tenantId, direction, timeframe, indicatorsJson, now)
        {
            EntryPrice = levels.Entry,
            StopLoss = levels.StopLoss,
            CurrentStop = levels.StopLoss,
            TakeProfit1 = levels.TakeProfit1,
            TakeProfit2 = levels.TakeProfit2,
            TakeProfit3 = levels.TakeProfit3,
            Symbol = from.Instrument.Symbol,
            Strategy = Guard.NotBlank(from.Strategy, "Strategy", 40),
            Source = from.Source,
            Partials = exits.Partials,
            BreakevenAfterTp1 = exits.BreakevenAfterTp1,
            TrailToTp1AfterTp2 = exits.TrailToTp1AfterTp2,
            MonitoredThrough = signalCandle,
        };
        return signal;
    }

    /// <summary>
    /// Applies one closed candle's range: a stop (also when the same candle reached a target: the stop wins, since
    /// the order inside a candle is unknown), else every target it reached, in order. A stop moved by a target hit
    /// applies from the next candle. Candles at or before <see cref="MonitoredThrough"/> are ignored.
    /// </summary>
    public void ApplyCandle(DateTimeOffset candleOpen, decimal high, decimal low, DateTimeOffset now)
    {
        if (!IsOpen || candleOpen <= MonitoredThrough)
        {
            return;
        }

        MonitoredThrough = candleOpen;
        if (CandleCheck.Evaluate(Direction, CurrentStop, NextTarget, high, low) == PriceTouch.Stop)
        {
            Stop(now);
            return;
        }

        while (NextTarget is { } target && (Direction == SignalDirection.Buy ? high >= target : low <= target))
        {
            HitTarget(TargetsHit + 1, now);
        }
    }

    /// <summary>
    /// Whether the strategy, asked again once the signal has run for <paramref name="after"/>, now points the other
    /// way (the signal's thesis no longer holds; it is then closed as invalidated). Zero turns re-validation off.
    /// </summary>
    public bool IsContradictedBy(SignalDirection? latest, DateTimeOffset now, TimeSpan after) =>
        IsDueForRevalidation(now, after) && latest is { } direction && direction != Direction;

    public bool IsDueForRevalidation(DateTimeOffset now, TimeSpan after) => IsOpen && after > TimeSpan.Zero && now - CreatedAt >= after;

    /// <summary>Records that target <paramref name="level"/> (1–3) was reached; targets are reached in order.</summary>
    public void HitTarget(int level, DateTimeOffset now)
    {
        var to = level switch
        {
            1 => SignalStatus.Tp1Hit,
            2 => SignalStatus.Tp2Hit,
            3 => SignalStatus.Tp3Hit,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A target level is 1, 2 or 3."),
        };
        if (TargetPrice(level) is null)
        {
            throw new DomainException($"This signal has no take-profit {level}.");
        }

        var isLast = level == TargetCount;
        if (isLast && to != SignalStatus.Tp3Hit)
        {
            // Its last target, short of TP3: the position is fully taken off, which ends the signal.
            Transitions.EnsureCanMove(Status, to);
            TargetsHit = level;
            Raise(TargetEvent(level));
            Finish(SignalStatus.Closed, SignalCloseReason.FinalTarget, TargetPrice(level)!.Value, now);
            return;
        }

        Move(to, now);
        TargetsHit = level;
        Raise(TargetEvent(level));
        if (isLast)
        {
            Finish(null, SignalCloseReason.FinalTarget, TargetPrice(level)!.Value, now);
            return;
        }

        var exits = Exits;
        if (level == 1 && exits.BreakevenAfterTp1)
        {
            CurrentStop = EntryPrice;
        }
        else if (level == 2 && exits.TrailToTp1AfterTp2)
        {
            CurrentStop = TakeProfit1!.Value;
        }
    }

    /// <summary>The rest of the position stops out at the current stop.</summary>
    public void Stop(DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, SignalStatus.Stopped);
        Finish(SignalStatus.Stopped, SignalCloseReason.StopLoss, CurrentStop, now);
    }

    /// <summary>Closes the rest of the position at <paramref name="price"/> (manual, timeout, invalidation).</summary>
    public void Close(SignalCloseReason reason, decimal price, DateTimeOffset now)
    {
        if (reason is SignalCloseReason.FinalTarget or SignalCloseReason.StopLoss)
        {
            throw new DomainException($"A signal ends with {reason} by reaching that price, not by a close.");
        }

        if (price <= 0)
        {
            throw new DomainException("A close needs the market price.");
        }

        Finish(SignalStatus.Closed, reason, price, now);
    }

    /// <summary>The result the original system recorded for an imported signal, kept beside the one recomputed here.</summary>
    public decimal? OriginalResultPips { get; private set; }

    /// <summary>An imported signal keeps the original system's own figure (its rule differed from the weighted one here).</summary>
    public void KeepOriginalResult(decimal? pips) => OriginalResultPips = pips;

    public void RecordTelegramMessage(int messageId) => TelegramMessageId = messageId;

    public void RecordTelegramPost(long outboxId) => TelegramPostOutboxId ??= outboxId;

    private int Sign => Direction == SignalDirection.Buy ? 1 : -1;

    private Func<IDomainEvent> TargetEvent(int level)
    {
        var tenant = TenantId;
        return () => new SignalTargetHit(tenant, Id, level);
    }

    /// <summary>Ends the signal: the part still open is closed at <paramref name="exit"/>, and the weighted result is fixed.</summary>
    private void Finish(SignalStatus? to, SignalCloseReason reason, decimal exit, DateTimeOffset now)
    {
        if (to is { } status)
        {
            Move(status, now);
        }
        else
        {
            ClosedAt = now;
        }

        var targets = TargetsHit;
        var exits = Exits;
        var move = 0m;
        for (var level = 1; level <= targets; level++)
        {
            move += exits.FractionAt(level, TargetCount) * Sign * (TargetPrice(level)!.Value - EntryPrice);
        }

        var open = targets == TargetCount ? 0m : 1m - exits.ClosedBefore(targets + 1);
        move += open * Sign * (exit - EntryPrice);
        ExitPrice = exit;
        CloseReason = reason;
        ResultPips = Math.Round(Instrument.ToPips(move), 2);
        ResultR = Math.Round(move / Math.Abs(EntryPrice - StopLoss), 4);
    }

    private decimal? TargetPrice(int level) => level switch
    {
        1 => TakeProfit1,
        2 => TakeProfit2,
        _ => TakeProfit3,
    };

    private void Move(SignalStatus to, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, to);
        Status = to;
        if (Transitions.IsTerminal(to))
        {
            ClosedAt = now;
        }
    }
}

/// <summary>Entry, stop and targets of a signal.</summary>
public sealed record SignalLevels(decimal Entry, decimal StopLoss, decimal? TakeProfit1, decimal? TakeProfit2, decimal? TakeProfit3)
{
    /// <summary>
    /// A BUY has its stop below the entry and its targets above, in increasing order; a SELL mirrors it. Targets are
    /// set from the first: there is no TP2 without a TP1.
    /// </summary>
    public void EnsureConsistent(SignalDirection direction)
    {
        var sign = direction == SignalDirection.Buy ? 1 : -1;
        if (sign * (Entry - StopLoss) <= 0)
        {
            throw new DomainException($"The stop loss of a {direction} signal must be on the other side of the entry.");
        }

        if ((TakeProfit1 is null && TakeProfit2 is not null) || (TakeProfit2 is null && TakeProfit3 is not null))
        {
            throw new DomainException("Take-profit levels are set in order: TP2 needs TP1, TP3 needs TP2.");
        }

        var previous = Entry;
        foreach (var target in new[] { TakeProfit1, TakeProfit2, TakeProfit3 }.OfType<decimal>())
        {
            if (sign * (target - previous) <= 0)
            {
                throw new DomainException("Take-profit levels must move away from the entry in order.");
            }

            previous = target;
        }
    }
}
