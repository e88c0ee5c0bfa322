using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>Checks the whole flow and its triggers, then starts answering them; a trigger another published journey owns → 409.</summary>
public sealed record PublishJourney(Guid Id) : ITenantCommand<JourneyDto>;

internal sealed class PublishJourneyHandler(IAppDbContext db, JourneyQueries journeys, JourneyEngine engine, TimeProvider clock)
    : ICommandHandler<PublishJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(PublishJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        if (journey.IsActive)
        {
            throw new ConflictException("The journey is already published.");
        }

        var errors = (await engine.FlowAsync(journey.Id, cancellationToken)).Validate().ToList();
        var triggers = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId == journey.Id && t.IsActive).ToListAsync(cancellationToken);
        if (triggers.Count == 0)
        {
            errors.Add(new FlowError("triggers", "Add a trigger first: a deep link, a keyword or an event."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure(e.Field, e.Message)));
        }

        await journeys.EnsureNoCollisionAsync(journey.Id, triggers.Select(TriggerConfigs.FromStored), cancellationToken);
        journey.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}
