using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Signals;

/// <summary>
/// Posts the results of the signals closed in the day (or the 7 days) ending on <see cref="LocalDate"/> in the
/// tenant's time zone to the VIP channel: weighted results, losses included. Nothing is posted when there were no
/// signals. A recap is posted at most once (its dedupe key is the period); it is not retried after a crash.
/// </summary>
public sealed record PostForexRecap(RecapPeriod Period, DateOnly LocalDate) : ITenantCommand<bool>;

public enum RecapPeriod
{
    Daily,
    Weekly,
}

internal sealed class PostForexRecapHandler(IAppDbContext db, ITelegramOutbox outbox, IMarketData market) : ICommandHandler<PostForexRecap, bool>
{
    public async ValueTask<bool> Handle(PostForexRecap command, CancellationToken cancellationToken)
    {
        var settings = await ForexConfigStore.SettingsAsync(db, cancellationToken);
        if (!settings.Enabled || (command.Period == RecapPeriod.Daily ? settings.Values["daily_recap"] : settings.Values["weekly_recap"]) != "true")
        {
            return false;
        }

        if (await TenantChannels.VipChatIdAsync(db, cancellationToken) is not { } chatId)
        {
            return false;
        }

        var zone = await ForexConfigStore.TenantZoneAsync(db, cancellationToken);
        var firstDay = command.Period == RecapPeriod.Daily ? command.LocalDate : command.LocalDate.AddDays(-6);
        var from = Start(firstDay, zone);
        var to = Start(command.LocalDate.AddDays(1), zone);
        var source = market.IsReplay ? SignalSource.Demo : SignalSource.Live;
        var signals = await db.ForexSignals.AsNoTracking()
            .Where(s => s.Source == source && s.ClosedAt >= from && s.ClosedAt < to && s.ResultPips != null)
            .OrderBy(s => s.ClosedAt)
            .ToListAsync(cancellationToken);
        if (signals.Count == 0)
        {
            return false;
        }

        await outbox.EnqueueAsync(
            new SendText(chatId, Text(command, signals)),
            new OutboxOptions(BotRole.SignalBot, $"recap:{command.Period.ToString().ToLowerInvariant()}:{command.LocalDate:yyyy-MM-dd}", "recap",
                OutboxPriority.Notification, DeliverySemantics.AtMostOnce),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Text(PostForexRecap command, IReadOnlyList<ForexSignal> signals)
    {
        var wins = signals.Count(s => s.IsWin == true);
        var pips = signals.Sum(s => s.ResultPips!.Value);
        var r = signals.Sum(s => s.ResultR!.Value);
        var title = command.Period == RecapPeriod.Daily
            ? string.Create(CultureInfo.InvariantCulture, $"📊 <b>Daily recap</b> · {command.LocalDate:ddd d MMM yyyy}")
            : string.Create(CultureInfo.InvariantCulture, $"📊 <b>Weekly recap</b> · {command.LocalDate.AddDays(-6):d MMM} – {command.LocalDate:d MMM yyyy}");
        var lines = new List<string>
        {
            title,
            string.Create(CultureInfo.InvariantCulture, $"Signals: {signals.Count} · wins {wins} · losses {signals.Count - wins} · win rate {(double)wins / signals.Count:P0}"),
            $"Result: <b>{pips.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)} pips</b> ({r.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture)} R)",
            string.Empty,
        };
        lines.AddRange(signals.Select(s =>
            $"{(s.Direction == SignalDirection.Buy ? "🟢 BUY" : "🔴 SELL")} {TelegramHtml.Escape(s.Symbol)} {s.EntryPrice.ToString($"F{s.Instrument.PriceDecimals}", CultureInfo.InvariantCulture)} → " +
            $"{Outcome(s)} {s.ResultPips!.Value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)} pips"));
        return string.Join('\n', lines);
    }

    private static string Outcome(ForexSignal s) => s.Status switch
    {
        SignalStatus.Tp3Hit => "TP3",
        SignalStatus.Stopped when s.TargetsHit > 0 => $"TP{s.TargetsHit}, then stopped",
        SignalStatus.Stopped => "stopped",
        _ => s.TargetsHit > 0 ? $"TP{s.TargetsHit}, then {SignalPosts.Reason(s)}" : SignalPosts.Reason(s),
    };
}
