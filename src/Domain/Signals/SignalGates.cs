namespace PromoStack.Domain.Signals;

/// <summary>A signal of the tenant as the gates see it (open while <see cref="ClosedAt"/> is null).</summary>
public sealed record GateHistoryEntry(string Symbol, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, decimal? ResultPips);

/// <summary>Why the gates held a signal back: the gate's name and a sentence for the tenant.</summary>
public sealed record GateRejection(string Gate, string Reason);

/// <summary>
/// The checks before any strategy runs: trading days and hours, one open signal per symbol, the daily loss cap, the
/// pause after a loss, the daily maximum and the cooldown. "Day" and hours are the tenant's time zone.
/// </summary>
public static class SignalGates
{
    /// <param name="history">The tenant's signals of at least the last two days, and every open one.</param>
    public static GateRejection? Check(ForexSettings settings, TimeZoneInfo zone, DateTimeOffset at, IReadOnlyList<GateHistoryEntry> history)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (!settings.TradingDays.Contains(local.DayOfWeek))
        {
            return new GateRejection("trading_days", $"{local.DayOfWeek} is not a trading day");
        }

        var (start, end) = (settings.Integer("trading_start_hour"), settings.Integer("trading_end_hour"));
        if (local.Hour < start || local.Hour >= end)
        {
            return new GateRejection("trading_hours", $"{local:HH:mm} is outside trading hours ({start:00}:00–{end:00}:00)");
        }

        var symbol = settings.Instrument.Symbol;
        if (history.Any(s => s.ClosedAt is null && s.Symbol == symbol))
        {
            return new GateRejection("open_signal", $"a {symbol} signal is still open");
        }

        var dayStart = new DateTimeOffset(local.Date, local.Offset);
        var today = history.Where(s => TimeZoneInfo.ConvertTime(s.OpenedAt, zone).Date == local.Date).ToList();
        if (today.Count >= settings.Integer("max_signals_per_day"))
        {
            return new GateRejection("max_signals_per_day", $"{today.Count} signals today already");
        }

        var dayResult = history.Where(s => s.ClosedAt is { } closed && closed >= dayStart).Sum(s => s.ResultPips ?? 0);
        var cap = (decimal)settings.Number("daily_loss_cap_pips");
        if (cap > 0 && dayResult <= -cap)
        {
            return new GateRejection("daily_loss_cap", $"today's result is {dayResult:0.#} pips, at or past the cap of −{cap:0.#}");
        }

        var pause = TimeSpan.FromMinutes(settings.Integer("pause_after_loss_minutes"));
        var lastLoss = history.Where(s => s.ResultPips < 0 && s.ClosedAt is not null).Select(s => s.ClosedAt!.Value).DefaultIfEmpty().Max();
        if (lastLoss != default && at - lastLoss < pause)
        {
            return new GateRejection("pause_after_loss", $"paused until {TimeZoneInfo.ConvertTime(lastLoss + pause, zone):HH:mm} after a loss");
        }

        var cooldown = TimeSpan.FromMinutes(settings.Integer("cooldown_minutes"));
        var lastOpened = history.Select(s => s.OpenedAt).DefaultIfEmpty().Max();
        if (lastOpened != default && at - lastOpened < cooldown)
        {
            return new GateRejection("cooldown", $"the last signal opened {(int)(at - lastOpened).TotalMinutes} minutes ago");
        }

        return null;
    }
}
