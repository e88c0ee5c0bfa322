using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

/// <summary>The tenant's <c>forex_config</c> rows as settings, and the strategy switch waiting for the open signal to close.</summary>
internal static class ForexConfigStore
{
    /// <summary>Not a setting a tenant sets: a requested <c>active_strategy</c> held back while a signal is open.</summary>
    public const string PendingStrategyKey = "pending_active_strategy";

    public static async Task<Dictionary<string, string>> StoredAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.ForexConfig.AsNoTracking().ToDictionaryAsync(c => c.SettingKey, c => c.SettingValue, cancellationToken);

    public static async Task<ForexSettings> SettingsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        ForexSettings.From(await StoredAsync(db, cancellationToken));

    /// <summary>For <see cref="Common.Abstractions.IScheduledJob.DueSlot"/>, which is synchronous.</summary>
    public static ForexSettings Settings(IAppDbContext db) =>
        ForexSettings.From(db.ForexConfig.AsNoTracking().ToDictionary(c => c.SettingKey, c => c.SettingValue));

    /// <summary>The tenant's time zone ("day" for gates, recaps and analytics); UTC if the system does not know it.</summary>
    public static async Task<TimeZoneInfo> TenantZoneAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var zone = await db.Tenants.Select(t => t.Timezone).SingleAsync(cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
    }

    public static Task<bool> HasOpenLiveSignalAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        db.ForexSignals.AnyAsync(
            s => s.Source == SignalSource.Live && (s.Status == SignalStatus.Active || s.Status == SignalStatus.Tp1Hit || s.Status == SignalStatus.Tp2Hit),
            cancellationToken);

    /// <summary>Puts a queued strategy switch into force once no signal is open. Returns whether it did.</summary>
    public static async Task<bool> ApplyPendingStrategyAsync(IAppDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        var pending = await db.ForexConfig.SingleOrDefaultAsync(c => c.SettingKey == PendingStrategyKey, cancellationToken);
        if (pending is null || await HasOpenLiveSignalAsync(db, cancellationToken))
        {
            return false;
        }

        await SetAsync(db, tenantId, ForexSettings.ActiveStrategyKey, pending.SettingValue, cancellationToken);
        db.ForexConfig.Remove(pending);
        return true;
    }

    public static async Task SetAsync(IAppDbContext db, string tenantId, string key, string? value, CancellationToken cancellationToken)
    {
        var row = db.ForexConfig.Local.FirstOrDefault(c => c.SettingKey == key)
                  ?? await db.ForexConfig.SingleOrDefaultAsync(c => c.SettingKey == key, cancellationToken);
        switch (row, value)
        {
            case (null, not null):
                db.ForexConfig.Add(ForexConfig.Create(tenantId, key, value));
                break;
            case ({ } existing, not null):
                existing.Change(value);
                break;
            case ({ } existing, null):
                db.ForexConfig.Remove(existing);
                break;
        }
    }
}
