using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Import;

/// <summary>
/// The original's <c>forex_config</c> and <c>bot_config</c> as PromoStack's settings. Keys with a counterpart are
/// renamed (<c>adx_threshold</c> → <c>adx_min</c>, <c>atr_sl_multiplier</c> → both strategies' stop in ATRs,
/// <c>back_to_back_throttle_minutes</c> → <c>cooldown_minutes</c>, <c>tp1/2/3_percentage</c> → <c>partials</c>, the
/// active bot → <c>active_strategy</c>); the original's trading hours were UTC and become hours of the tenant's
/// zone; scheduler bookkeeping (<c>last_*</c>) is dropped; a key PromoStack does not know is kept as it is (the API
/// lists it as unknown). Every decision is a line of the report.
/// </summary>
internal static class ForexSettingsImport
{
    private static readonly Dictionary<string, string[]> Renamed = new(StringComparer.Ordinal)
    {
        ["adx_threshold"] = ["adx_min"],
        ["atr_sl_multiplier"] = ["aggressive_sl_atr", "conservative_sl_atr"],
        ["back_to_back_throttle_minutes"] = ["cooldown_minutes"],
        ["adx_min"] = ["pullback_adx_min"],
        ["min_stop_usd"] = ["pullback_min_stop"],
        ["pullback_ema_tolerance"] = ["pullback_ema_atr"],
        ["candle_range_atr_block"] = ["pullback_max_range_atr"],
    };

    private static readonly Dictionary<string, string> Dropped = new(StringComparer.Ordinal)
    {
        ["atr_tp_multiplier"] = "PromoStack sets three targets per strategy (aggressive_tp_atr, conservative_tp_atr); one multiplier has no counterpart",
        ["session_filter_enabled"] = "PromoStack's trading hours (trading_start_hour, trading_end_hour) are its one session window",
        ["session_start_hour_utc"] = "PromoStack's trading hours are its one session window",
        ["session_end_hour_utc"] = "PromoStack's trading hours are its one session window",
        ["tp_count"] = "the number of targets follows the signal's prices; partials say how much each closes",
    };

    public static async Task RunAsync(TenantImportSession session, Tenant tenant, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, (string Value, SourceRow Row)>(StringComparer.Ordinal);
        var partials = new Dictionary<int, (string Value, SourceRow Row)>();
        await foreach (var row in session.RowsAsync("forex_config", "forex_config", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.RequiredText("setting_key");
            var value = (row.Text("setting_value") ?? string.Empty).Trim();
            if (key.StartsWith("last_", StringComparison.Ordinal))
            {
                session.Skip(row, "forex_config", "scheduler bookkeeping (last_* recap dates and message ids): PromoStack's schedules keep their own");
                session.Settings.Add(new SettingNote("forex_config", key, null, "dropped", "scheduler bookkeeping"));
            }
            else if (Dropped.TryGetValue(key, out var why))
            {
                session.Skip(row, "forex_config", "settings with no counterpart (see the settings notes)");
                session.Settings.Add(new SettingNote("forex_config", key, null, "dropped", why));
            }
            else if (key is "tp1_percentage" or "tp2_percentage" or "tp3_percentage")
            {
                partials[key[2] - '0'] = (value, row);
            }
            else if (key is "trading_start_hour" or "trading_end_hour")
            {
                var local = LocalHour(value, tenant, isEnd: key == "trading_end_hour");
                Keep(session, settings, row, key, key, local, $"a UTC hour in the original; hour {value} UTC is {local} in {tenant.Timezone}");
            }
            else if (Renamed.TryGetValue(key, out var newKeys))
            {
                foreach (var newKey in newKeys)
                {
                    Keep(session, settings, row, key, newKey, value, $"renamed from {key}");
                }
            }
            else
            {
                Keep(session, settings, row, key, key, value, ForexSettings.Find(key) is null ? "unknown to PromoStack: kept as it is and listed as unknown" : null);
            }
        }

        if (partials.Count > 0)
        {
            var first = partials.Values.First().Row;
            var text = string.Join('/', Enumerable.Range(1, 3).Select(i => partials.TryGetValue(i, out var p) ? p.Value : "0"));
            Keep(session, settings, first, "tp1_percentage/tp2_percentage/tp3_percentage", "partials", text, "three percentages become one setting");
            foreach (var (_, (_, row)) in partials.Skip(1))
            {
                session.Merged(row, "forex_config");
            }
        }

        await foreach (var row in session.RowsAsync("bot_config", "forex_config", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.RequiredText("setting_key");
            var value = row.Text("setting_value");
            if (key == "active_bot")
            {
                var strategy = value switch
                {
                    "aggressive" or "conservative" => value,
                    "trend_pullback_multi_tp" => "trend_pullback",
                    _ => null,
                };
                if (strategy is null)
                {
                    session.Skip(row, "forex_config", "strategies with no counterpart (see the settings notes)");
                    session.Settings.Add(new SettingNote("bot_config", key, ForexSettings.ActiveStrategyKey, "dropped",
                        $"the strategy '{value}' has no counterpart here; the default ({ForexSettings.Defaults.ActiveStrategy}) applies until one is chosen"));
                    continue;
                }

                Keep(session, settings, row, key, ForexSettings.ActiveStrategyKey, strategy, $"the active bot '{value}' is the strategy '{strategy}'");
            }
            else
            {
                session.Skip(row, "forex_config", "bot_config keys other than active_bot (see the settings notes)");
                session.Settings.Add(new SettingNote("bot_config", key, null, "dropped",
                    key == "queued_bot" ? "PromoStack switches strategies at once (no queue): choose it when the running signals have closed" : "no counterpart"));
            }
        }

        var counted = new HashSet<SourceRow>();
        var here = session.Merge ? (await session.Db.ForexConfig.AsNoTracking().Select(c => c.SettingKey).ToListAsync(cancellationToken)).ToHashSet() : [];
        foreach (var (key, (value, row)) in settings)
        {
            if (here.Contains(key))
            {
                if (counted.Add(row))
                {
                    session.AlreadyHere(row, "forex_config", "these settings");
                }

                continue;
            }

            await session.AddAsync(
                row, $"{row.Text("id") ?? "?"}:{key}", ForexConfig.Create(session.TenantId, key, value), "forex_config", c => c.Id.ToString(CultureInfo.InvariantCulture),
                cancellationToken, counts: counted.Add(row));
        }
    }

    private static void Keep(
        TenantImportSession session, Dictionary<string, (string Value, SourceRow Row)> settings, SourceRow row, string key, string newKey, string value, string? reason)
    {
        if (ForexSettings.Find(newKey) is { } definition && definition.Check(value) is { } problem)
        {
            session.Quarantined(row, row.Text("id") ?? key, "forex_config", $"{key} = '{value}' does not fit {newKey}: {problem}.");
            session.Settings.Add(new SettingNote(row.Table, key, newKey, "quarantined", problem));
            return;
        }

        if (settings.ContainsKey(newKey))
        {
            session.Merged(row, "forex_config");
            session.Settings.Add(new SettingNote(row.Table, key, newKey, "merged", $"{newKey} was already set from another key"));
            return;
        }

        settings[newKey] = (value, row);
        session.Settings.Add(new SettingNote(row.Table, key, newKey == key ? null : newKey, key == newKey && reason is null ? "kept" : reason?.StartsWith("unknown", StringComparison.Ordinal) == true ? "kept_unknown" : "renamed", reason));
    }

    /// <summary>The UTC hour as an hour of the tenant's zone (at today's offset); an end hour of midnight is 24.</summary>
    private static string LocalHour(string utcHour, Tenant tenant, bool isEnd)
    {
        if (!int.TryParse(utcHour, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hour) || hour is < 0 or > 24)
        {
            return utcHour;
        }

        var offset = TimeZones.Find(tenant.Timezone).GetUtcOffset(DateTimeOffset.UtcNow);
        var local = ((hour + (int)Math.Round(offset.TotalHours)) % 24 + 24) % 24;
        return (isEnd && local == 0 ? 24 : local).ToString(CultureInfo.InvariantCulture);
    }
}
