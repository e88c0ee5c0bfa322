using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>Finds the published journeys whose triggers match, oldest first.</summary>
internal sealed class JourneyTriggerIndex(IAppDbContext db)
{
    public async Task<IReadOnlyList<(Journey Journey, TriggerDefinition Trigger)>> ActiveAsync(string type, CancellationToken cancellationToken)
    {
        var rows = await db.JourneyTriggers.AsNoTracking()
            .Where(t => t.TriggerType == type && t.IsActive)
            .Join(db.Journeys.AsNoTracking().Where(j => j.IsActive), t => t.JourneyId, j => j.Id, (t, j) => new { Trigger = t, Journey = j })
            .OrderBy(x => x.Journey.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Journey, TriggerConfigs.FromStored(r.Trigger)))];
    }
}
