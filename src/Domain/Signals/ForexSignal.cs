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

/// <summary>
/// A trading signal and its lifecycle: targets are hit in order (TP1 → TP2 → TP3); a stop or a close may end it from
/// any open state; TP3, a stop and a close are final.
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
    public decimal StopLoss { get; private set; }
    public decimal? TakeProfit1 { get; private set; }
    public decimal? TakeProfit2 { get; private set; }
    public decimal? TakeProfit3 { get; private set; }
    public SignalStatus Status { get; private set; }
    public int? TelegramMessageId { get; private set; }
    public string IndicatorsUsed { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => !Transitions.IsTerminal(Status);

    public static ForexSignal Open(
        string tenantId, SignalDirection direction, string timeframe, SignalLevels levels, string indicatorsJson, DateTimeOffset now)
    {
        levels.EnsureConsistent(direction);
        var signal = new ForexSignal(tenantId, direction, timeframe, indicatorsJson, now)
        {
            EntryPrice = levels.Entry,
            StopLoss = levels.StopLoss,
            TakeProfit1 = levels.TakeProfit1,
            TakeProfit2 = levels.TakeProfit2,
            TakeProfit3 = levels.TakeProfit3,
        };
        signal.Raise(() => new SignalOpened(signal.TenantId, signal.Id));
        return signal;
    }

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

        Move(to, now);
        Raise(() => new SignalTargetHit(TenantId, Id, level));
        if (to == SignalStatus.Tp3Hit)
        {
            Raise(() => new SignalClosed(TenantId, Id));
        }
    }

    public void Stop(DateTimeOffset now)
    {
        Move(SignalStatus.Stopped, now);
        Raise(() => new SignalStopped(TenantId, Id));
        Raise(() => new SignalClosed(TenantId, Id));
    }

    public void Close(DateTimeOffset now)
    {
        Move(SignalStatus.Closed, now);
        Raise(() => new SignalClosed(TenantId, Id));
    }

    public void RecordTelegramMessage(int messageId) => TelegramMessageId = messageId;

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
