using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Journeys;

/// <summary>Deletes an unpublished journey with its history; a published one must be stopped first (409).</summary>
public sealed record DeleteJourney(Guid Id) : ITenantCommand<Unit>;

internal sealed class DeleteJourneyHandler(IAppDbContext db, JourneyQueries journeys) : ICommandHandler<DeleteJourney, Unit>
{
    public async ValueTask<Unit> Handle(DeleteJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        if (journey.IsActive)
        {
            throw new ConflictException("The journey is published: stop it first.");
        }

        db.Journeys.Remove(journey);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
