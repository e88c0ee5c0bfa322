using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Common;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Import;

/// <summary>
/// Cross-promo settings. The original's morning time was a UTC "HH:MM"; here it is a local time of the tenant's
/// zone (so it stays put across daylight saving): the UTC time becomes the local time it is on the day of the import,
/// which the report states. The VIP teaser's delay after the morning post carries over. Queued cross-promo jobs are
/// the original's own sends: PromoStack schedules its own from its settings, so none is copied (a job queued in the
/// original is neither sent twice nor lost: it is the original's until the switch).
/// </summary>
internal static class CrossPromoImport
{
    public static async Task RunAsync(TenantImportSession session, Tenant tenant, CancellationToken cancellationToken)
    {
        await foreach (var row in session.RowsAsync("tenant_crosspromo_settings", "tenant_crosspromo_settings", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            if (session.Merge && await session.Db.CrossPromoSettings.AnyAsync(cancellationToken))
            {
                session.AlreadyHere(row, "tenant_crosspromo_settings", "cross-promo settings");
                continue;
            }

            try
            {
                var zone = TimeZones.Find(tenant.Timezone);
                TimeOnly? local = null;
                if (row.Text("morning_post_time_utc") is { } text)
                {
                    if (!TimeOnly.TryParseExact(text.Length > 5 ? text[..5] : text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
                    {
                        throw new SourceFormatException($"morning_post_time_utc '{text}' is no HH:MM time.");
                    }

                    var today = DateOnly.FromDateTime(session.Now.UtcDateTime);
                    local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(today.ToDateTime(utc), TimeSpan.Zero), zone).DateTime);
                    session.Settings.Add(new SettingNote("tenant_crosspromo_settings", "morning_post_time_utc", "morning_post_time_local", "converted",
                        $"{text} UTC is {local:HH\\:mm} in {tenant.Timezone} today; the post now follows local time across daylight saving"));
                }

                var cta = row.Text("cta_url");
                var enabled = row.Bool("enabled") == true && local is not null && cta is not null;
                var settings = TenantCrossPromoSettings.CreateDefault(session.TenantId, tenant.Timezone, row.Time("updated_at") ?? session.Now);
                var defaults = TenantCrossPromoSettings.CreateDefault(session.TenantId, tenant.Timezone, session.Now);
                settings.Configure(
                    enabled, row.Text("bot_role") is "message_bot" ? "message_bot" : "signal_bot", cta, local, zone, defaults.Weekdays.Split(','),
                    row.Int("vip_soon_delay_minutes") is > 0 and var teaser ? teaser : defaults.TeaserOffsetMinutes, defaults.WinningSignalsPerDay,
                    defaults.CatchUpMinutes, row.Time("updated_at") ?? session.Now);
                await session.AddAsync(row, row.Text("tenant_id") ?? session.SourceTenantId, settings, "tenant_crosspromo_settings", s => s.TenantId, cancellationToken);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, session.SourceTenantId, "tenant_crosspromo_settings", exception.Message);
            }
        }

        await foreach (var row in session.RowsAsync("crosspromo_jobs", "-", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "the original's own cross-promo sends (sent, failed or queued): PromoStack schedules its own from the settings after the switch");
        }

        await foreach (var row in session.RowsAsync("markus_signal_pause", "-", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "short-lived pauses of the original's signal posting; none applies after the switch");
        }
    }
}
