using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Signals;

/// <summary>
/// A signal's life in the VIP channel, through the outbox: the post when it opens, then for each change an edit of
/// that post (its current status) and a reply announcing it, both depending on the post (they wait for its
/// message id). Every call has a dedupe key, so nothing is posted twice; signal posts are retried (at least once).
/// </summary>
internal sealed class SignalPosts(IAppDbContext db, ITelegramOutbox outbox)
{
    public async Task PostOpenedAsync(ForexSignal signal, CancellationToken cancellationToken)
    {
        if (await TenantChannels.VipChatIdAsync(db, cancellationToken) is not { } channel)
        {
            return;
        }

        // A demo signal (replayed candles) reaches only a sandbox bot's channel, never a real VIP channel.
        if (signal.Source == SignalSource.Demo
            && !await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.SignalBot && c.IsSandbox, cancellationToken))
        {
            return;
        }

        var post = await outbox.EnqueueAsync(new SendText(channel, Text(signal)), Options($"signal:{signal.Id}:post"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.RecordTelegramPost(post.Id);
    }

    /// <summary>Edits the post to the signal's status now and replies with what happened (<paramref name="step"/> names it once).</summary>
    public async Task PostChangeAsync(ForexSignal signal, string step, string announcement, CancellationToken cancellationToken)
    {
        if (signal.TelegramPostOutboxId is not { } post || await TenantChannels.VipChatIdAsync(db, cancellationToken) is not { } channel)
        {
            return;
        }

        await outbox.EnqueueAsync(new EditText(channel, post, Text(signal)), Options($"signal:{signal.Id}:{step}:edit"), cancellationToken);
        await outbox.EnqueueAsync(new SendText(channel, announcement, ReplyToOutboxId: post), Options($"signal:{signal.Id}:{step}:reply"), cancellationToken);
    }

    public static string Text(ForexSignal s)
    {
        var decimals = s.Instrument.PriceDecimals;
        string P(decimal? price) => price?.ToString($"F{decimals}", CultureInfo.InvariantCulture) ?? "–";
        var icon = s.Direction == SignalDirection.Buy ? "🟢" : "🔴";
        var lines = new List<string>
        {
            $"{icon} <b>{(s.Direction == SignalDirection.Buy ? "BUY" : "SELL")} {TelegramHtml.Escape(s.Symbol)}</b> · {TelegramHtml.Escape(s.Timeframe)}",
            $"Entry: <b>{P(s.EntryPrice)}</b>",
            $"Stop loss: {P(s.StopLoss)}",
            $"TP1: {P(s.TakeProfit1)}",
            $"TP2: {P(s.TakeProfit2)}",
            $"TP3: {P(s.TakeProfit3)}",
            string.Empty,
            $"Status: {Status(s)}",
        };
        if (s.Source == SignalSource.Demo)
        {
            lines.Add("<i>Demo signal (replayed prices)</i>");
        }

        return string.Join('\n', lines);
    }

    public static string Result(ForexSignal s) =>
        s.ResultPips is { } pips ? $"{pips.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)} pips ({s.ResultR!.Value.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture)} R)" : string.Empty;

    private static string Status(ForexSignal s) => s.Status switch
    {
        SignalStatus.Active => "⏳ active",
        SignalStatus.Tp1Hit => $"✅ TP1 hit · stop at {s.CurrentStop.ToString(CultureInfo.InvariantCulture)}",
        SignalStatus.Tp2Hit => $"✅✅ TP2 hit · stop at {s.CurrentStop.ToString(CultureInfo.InvariantCulture)}",
        SignalStatus.Tp3Hit => $"🏆 TP3 hit · {Result(s)}",
        SignalStatus.Stopped => $"🛑 stopped · {Result(s)}",
        _ => $"⏹ closed ({Reason(s)}) · {Result(s)}",
    };

    public static string Reason(ForexSignal s) => s.CloseReason switch
    {
        SignalCloseReason.FinalTarget => "last target",
        SignalCloseReason.StopLoss => "stop loss",
        SignalCloseReason.Manual => "closed by hand",
        SignalCloseReason.Timeout => "time limit",
        SignalCloseReason.Invalidated => "setup invalidated",
        _ => "open",
    };

    private static OutboxOptions Options(string key) =>
        new(BotRole.SignalBot, key, "signal", OutboxPriority.Notification, DeliverySemantics.AtLeastOnce);
}
