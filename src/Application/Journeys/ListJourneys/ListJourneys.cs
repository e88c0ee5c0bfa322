using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Journeys;

public sealed record ListJourneys : ITenantQuery<IReadOnlyList<JourneySummaryDto>>;

/// <param name="IsDemo">Seeded as demo data.</param>
public sealed record JourneySummaryDto(Guid Id, string Name, string? Description, bool IsActive, int Steps, int RunningSessions, DateTimeOffset UpdatedAt, bool IsDemo);

internal sealed class ListJourneysHandler(IAppDbContext db) : IQueryHandler<ListJourneys, IReadOnlyList<JourneySummaryDto>>
{
    public async ValueTask<IReadOnlyList<JourneySummaryDto>> Handle(ListJourneys query, CancellationToken cancellationToken) =>
        await db.Journeys.AsNoTracking().OrderBy(j => j.CreatedAt)
            .Select(j => new JourneySummaryDto(
                j.Id, j.Name, j.Description, j.IsActive, db.JourneySteps.Count(s => s.JourneyId == j.Id),
                db.JourneyUserSessions.Count(s => s.JourneyId == j.Id && JourneyEngine.Running.Contains(s.Status)), j.UpdatedAt, j.IsDemo))
            .ToListAsync(cancellationToken);
}
