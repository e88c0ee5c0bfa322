using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

internal sealed class JourneyQueries(IAppDbContext db)
{
    public async Task<Journey> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Journeys.SingleOrDefaultAsync(j => j.Id == id, cancellationToken) ?? throw new NotFoundException("Journey", id);

    public async Task<JourneyDto> DtoAsync(Guid id, CancellationToken cancellationToken)
    {
        var journey = await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken) ?? throw new NotFoundException("Journey", id);
        var steps = await db.JourneySteps.AsNoTracking().Where(s => s.JourneyId == id).OrderBy(s => s.StepOrder).ToListAsync(cancellationToken);
        var triggers = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId == id).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return new JourneyDto(
            journey.Id, journey.Name, journey.Description, journey.IsActive, journey.ReentryPolicy, journey.InactivityTimeoutMinutes,
            [.. steps.Select(s => new JourneyStepDto(s.Id, s.StepOrder, s.StepType, JsonSerializer.Deserialize<JsonElement>(s.Config)))],
            [.. triggers.Select(Dto)], journey.CreatedAt, journey.UpdatedAt);
    }

    public static JourneyTriggerDto Dto(JourneyTrigger t) => new(t.Id, t.TriggerType, JsonSerializer.Deserialize<JsonElement>(t.TriggerConfig));

    /// <summary>Throws 409 when another published journey owns one of <paramref name="journeyId"/>'s triggers.</summary>
    public async Task EnsureNoCollisionAsync(Guid journeyId, IEnumerable<TriggerDefinition> triggers, CancellationToken cancellationToken)
    {
        var others = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId != journeyId && t.IsActive)
            .Join(db.Journeys.AsNoTracking().Where(j => j.IsActive), t => t.JourneyId, j => j.Id, (t, j) => new { Trigger = t, j.Name })
            .ToListAsync(cancellationToken);
        var taken = others.Select(o => (TriggerConfigs.FromStored(o.Trigger).Identity, o.Name)).ToList();
        foreach (var trigger in triggers)
        {
            if (taken.FirstOrDefault(t => t.Identity == trigger.Identity) is { Name: { } owner })
            {
                throw new ConflictException($"The trigger {trigger.Identity} already starts the published journey '{owner}'.");
            }
        }
    }
}
