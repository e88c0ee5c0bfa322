using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Application.CrossPromo;

internal sealed class CrossPromoSettingsStore(IAppDbContext db, ITenantContext tenant, TimeProvider clock)
{
    public async Task<TenantCrossPromoSettings> LoadAsync(bool track, CancellationToken cancellationToken)
    {
        var rows = track ? db.CrossPromoSettings : db.CrossPromoSettings.AsNoTracking();
        if (await rows.SingleOrDefaultAsync(cancellationToken) is { } settings)
        {
            return settings;
        }

        var zone = await db.Tenants.Select(t => t.Timezone).SingleAsync(cancellationToken);
        settings = TenantCrossPromoSettings.CreateDefault(tenant.RequiredTenantId, zone, clock.GetUtcNow());
        if (track)
        {
            db.CrossPromoSettings.Add(settings);
        }

        return settings;
    }

    public async Task<CrossPromoSettingsDto> DtoAsync(TenantCrossPromoSettings s, CancellationToken cancellationToken)
    {
        var channels = await TenantChannels.ConfiguredAsync(db, cancellationToken);
        return new CrossPromoSettingsDto(
            s.Enabled, s.BotRole, s.CtaUrl, s.MorningPostTimeLocal?.ToString("HH:mm", CultureInfo.InvariantCulture),
            s.MorningPostTimeUtc?.ToString("HH:mm", CultureInfo.InvariantCulture), s.Timezone, s.Weekdays.Split(','), s.TeaserOffsetMinutes,
            s.WinningSignalsPerDay, s.CatchUpMinutes, channels?.Vip ?? s.VipChannelId, channels?.Free ?? s.FreeChannelId,
            s.UpdatedAt);
    }
}
