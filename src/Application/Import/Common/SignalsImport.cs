using System.Globalization;
using System.Text.Json.Nodes;
using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Import;

/// <summary>
/// The signal history, replayed through the signal's own lifecycle: the targets the original marked hit (its
/// <c>tpN_hit</c> booleans, at their hit times) are hit in order, then the signal ends as its status says — a
/// <c>lost</c> one stops at its current stop (the entry after TP1), an <c>expired</c> one is closed by timeout, a
/// <c>won</c> one still open after its hits has the rest stopped at the trailed stop, a <c>closed</c> one is closed
/// by hand — at the original's close price when it has one. <c>pending</c> is an open signal and stays open with
/// its hits. The result is recomputed with the weighted rule here and the original's figure is kept beside it.
/// Drafts and signals whose post failed were never published and are quarantined, as are unknown statuses and rows
/// whose prices do not make a signal.
/// </summary>
internal static class SignalsImport
{
    public static async Task RunAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        await foreach (var row in session.RowsAsync("forex_signals", "forex_signals", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            try
            {
                if (Signal(session, row) is { } signal)
                {
                    signal.DiscardEvents();
                    await session.AddAsync(row, key, signal, "forex_signals", s => s.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
                }
                else
                {
                    session.Quarantined(row, key, "forex_signals", $"Never published (status '{row.Text("status")}'): not part of the signal history.");
                }
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "forex_signals", exception.Message);
            }
        }

        await foreach (var row in session.RowsAsync("signal_narrative", "-", SourceFilter.Parent("signal_id", "forex_signals", session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "the narrative (AI guidance and thesis checks) has no counterpart; the signals' own lifecycle is imported");
        }
    }

    private static ForexSignal? Signal(TenantImportSession session, SourceRow row)
    {
        var status = row.Text("status") ?? "pending";
        if (status is "draft" or "broadcast_failed")
        {
            return null;
        }

        if (status is not ("pending" or "open" or "won" or "lost" or "expired" or "closed" or "cancelled"))
        {
            throw new SourceFormatException($"Unknown status '{status}'.");
        }

        var direction = row.Text("signal_type")?.ToUpperInvariant() switch
        {
            "BUY" => SignalDirection.Buy,
            "SELL" => SignalDirection.Sell,
            var other => throw new SourceFormatException($"Unknown direction '{other}'."),
        };
        var instrument = Instrument.For(row.RequiredText("pair"));
        var levels = new SignalLevels(
            row.Decimal("entry_price") ?? throw new SourceFormatException("No entry price."),
            row.Decimal("stop_loss") ?? throw new SourceFormatException("No stop loss."),
            row.Decimal("take_profit"), row.Decimal("take_profit_2"), row.Decimal("take_profit_3"));
        var strategy = row.Text("bot_type") switch
        {
            null => "aggressive",
            "trend_pullback_multi_tp" => "trend_pullback",
            var type => type,
        };
        var posted = row.Time("posted_at") ?? throw new SourceFormatException("No posted_at.");
        var signal = ForexSignal.Open(
            session.TenantId, direction, Timeframe(row.Text("timeframe")), levels, Indicators(row), posted,
            new SignalOrigin(instrument, strategy, SignalSource.Live, Exits(row, levels)));
        if (row.Long("telegram_message_id") is { } messageId and > 0 and <= int.MaxValue)
        {
            signal.RecordTelegramMessage((int)messageId);
        }

        var closed = row.Time("closed_at");
        var hits = Hits(row, status, signal.TargetCount);
        for (var level = 1; level <= hits && signal.IsOpen; level++)
        {
            signal.HitTarget(level, row.Time($"tp{level}_hit_at") ?? closed ?? posted);
        }

        var end = closed ?? row.Time("updated_at") ?? posted;
        if (signal.IsOpen)
        {
            switch (status)
            {
                case "lost" or "won" when row.Decimal("close_price") is null:
                    signal.Stop(end);
                    break;
                case "lost" or "won":
                    signal.Close(SignalCloseReason.Manual, row.Decimal("close_price")!.Value, end);
                    break;
                case "expired":
                    signal.Close(SignalCloseReason.Timeout, ExitPrice(row, signal, instrument), end);
                    break;
                case "closed" or "cancelled":
                    signal.Close(SignalCloseReason.Manual, ExitPrice(row, signal, instrument), end);
                    break;
            }
        }

        signal.KeepOriginalResult(row.Decimal("result_pips"));
        return signal;
    }

    /// <summary>How many targets were hit: the booleans where the original has them, else one for a win.</summary>
    private static int Hits(SourceRow row, string status, int targets)
    {
        if (!row.Values.ContainsKey("tp1_hit"))
        {
            return status == "won" && targets > 0 ? 1 : 0;
        }

        var hits = 0;
        while (hits < targets && row.Bool($"tp{hits + 1}_hit") == true)
        {
            hits++;
        }

        return hits == 0 && status == "won" && targets > 0 ? 1 : hits;
    }

    /// <summary>The close price, else the price the original's result implies, else the entry (a flat close).</summary>
    private static decimal ExitPrice(SourceRow row, ForexSignal signal, Instrument instrument)
    {
        if (row.Decimal("close_price") is { } close and > 0)
        {
            return close;
        }

        var sign = signal.Direction == SignalDirection.Buy ? 1 : -1;
        return row.Decimal("result_pips") is { } pips ? signal.EntryPrice + (sign * pips * instrument.PipSize) : signal.EntryPrice;
    }

    private static string Timeframe(string? timeframe) => timeframe?.ToLowerInvariant() switch
    {
        "1h" or "60min" => "1h",
        null or "" => "15min",
        var other => other,
    };

    /// <summary>The partial closes the signal was posted with when they make a plan, else the default plan.</summary>
    private static ExitPlan Exits(SourceRow row, SignalLevels levels)
    {
        var plan = new ExitPlan(row.Int("tp1_percentage") ?? 100, row.Int("tp2_percentage") ?? 0, row.Int("tp3_percentage") ?? 0);
        var targets = new[] { levels.TakeProfit1, levels.TakeProfit2, levels.TakeProfit3 }.Count(t => t is not null);
        var fits = plan.Tp1Percent + plan.Tp2Percent + plan.Tp3Percent == 100
                   && (targets < 2 || plan.Tp2Percent > 0 || plan.Tp3Percent > 0 || plan.Tp1Percent == 100);
        return fits ? plan : ExitPlan.Default;
    }

    /// <summary>The indicators the original stored: its JSON when it has some, else the three values it kept.</summary>
    private static string Indicators(SourceRow row)
    {
        var json = row.Object("indicators_used") ?? [];
        foreach (var (column, name) in new[] { ("rsi_value", "rsi"), ("macd_value", "macd"), ("atr_value", "atr") })
        {
            if (row.Decimal(column) is { } value && !json.ContainsKey(name))
            {
                json[name] = JsonValue.Create(value);
            }
        }

        return json.ToJsonString();
    }
}
