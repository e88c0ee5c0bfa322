using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Common;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Application.CrossPromo;

/// <summary>
/// Creates the posts due by now on the tenant's days, at its local times (or its UTC morning time when it has no local one);
/// one missed beyond the catch-up window is recorded as skipped.
/// </summary>
public sealed record PlanCrossPromo : ITenantCommand<int>;

internal sealed class PlanCrossPromoHandler(IAppDbContext db, ITenantContext tenant, TimeProvider clock) : ICommandHandler<PlanCrossPromo, int>
{
    public async ValueTask<int> Handle(PlanCrossPromo command, CancellationToken cancellationToken)
    {
        var settings = await db.CrossPromoSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is not { Enabled: true } || !TimeZoneInfo.TryFindSystemTimeZoneById(settings.Timezone, out var zone))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = ZonedTime.Today(now, zone);
        var days = settings.Weekdays.Split(',');
        var created = 0;
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            if (!days.Contains(TenantCrossPromoSettings.DayNames[((int)day.DayOfWeek + 6) % 7]) || settings.MorningPostAt(day, zone) is not { } morningAt)
            {
                continue;
            }

            foreach (var (type, due) in new[] { (CrossPromoJob.MorningNews, morningAt), (CrossPromoJob.VipTeaser, morningAt.AddMinutes(settings.TeaserOffsetMinutes)) })
            {
                var key = $"crosspromo:{type}:{day:yyyy-MM-dd}";
                if (due > now || await db.CrossPromoJobs.AnyAsync(j => j.DedupeKey == key, cancellationToken))
                {
                    continue;
                }

                var job = CrossPromoJob.Schedule(tenant.RequiredTenantId, type, JsonSerializer.Serialize(new CrossPromoPayload(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)), due, key, now);
                if (now - due > TimeSpan.FromMinutes(settings.CatchUpMinutes))
                {
                    job.Skip($"Missed: it was due at {due:u} and the app came back after the {settings.CatchUpMinutes}-minute catch-up window.", now);
                }

                db.CrossPromoJobs.Add(job);
                created++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
