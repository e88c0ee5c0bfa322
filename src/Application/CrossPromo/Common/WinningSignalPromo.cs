using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Common;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.CrossPromo;

/// <summary>
/// TP1 of a live signal: its VIP post is copied into the FREE channel with a CTA, once per signal (the job's dedupe
/// key), at most the tenant's daily number of times (counted in its zone); demo signals never.
/// </summary>
internal sealed class WinningSignalPromo(IAppDbContext db, ITenantContext tenant, TimeProvider clock) : IDomainEventHandler<SignalTargetHit>
{
    public async Task HandleAsync(SignalTargetHit domainEvent, CancellationToken cancellationToken)
    {
        var settings = await db.CrossPromoSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var key = $"crosspromo:{CrossPromoJob.WinningSignal}:{domainEvent.SignalId}";
        if (domainEvent.Level != 1 || settings is not { Enabled: true } || await db.CrossPromoJobs.AnyAsync(j => j.DedupeKey == key, cancellationToken)
            || await db.ForexSignals.AsNoTracking().Where(s => s.Id == domainEvent.SignalId).Select(s => (SignalSource?)s.Source).SingleOrDefaultAsync(cancellationToken) != SignalSource.Live)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
        var dayStart = ZonedTime.Instant(ZonedTime.Today(now, zone), TimeOnly.MinValue, zone);
        var today = await db.CrossPromoJobs.CountAsync(
            j => j.JobType == CrossPromoJob.WinningSignal && j.CreatedAt >= dayStart && j.Status != CrossPromoJobStatus.Skipped, cancellationToken);
        var job = CrossPromoJob.Schedule(tenant.RequiredTenantId, CrossPromoJob.WinningSignal, JsonSerializer.Serialize(new CrossPromoPayload(null, domainEvent.SignalId)), now, key, now);
        if (today >= settings.WinningSignalsPerDay)
        {
            job.Skip($"The daily cap of {settings.WinningSignalsPerDay} winning-signal posts is reached.", now);
        }

        db.CrossPromoJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
    }
}
