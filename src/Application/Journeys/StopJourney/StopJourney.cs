using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Journeys;

/// <summary>Stops answering triggers and ends the running sessions (<c>journey_stopped</c>), their timers cancelled.</summary>
public sealed record StopJourney(Guid Id) : ITenantCommand<JourneyDto>;

internal sealed class StopJourneyHandler(IAppDbContext db, JourneyQueries journeys, JourneyEngine engine, TimeProvider clock)
    : ICommandHandler<StopJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(StopJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        if (!journey.IsActive)
        {
            throw new ConflictException("The journey is not published.");
        }

        journey.Unpublish(clock.GetUtcNow());
        var running = await db.JourneyUserSessions.Where(s => s.JourneyId == journey.Id && JourneyEngine.Running.Contains(s.Status)).ToListAsync(cancellationToken);
        foreach (var session in running)
        {
            await engine.EndAsync(session, "journey_stopped", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}
