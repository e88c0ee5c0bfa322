using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record UpdateJourney(Guid Id, string Name, string? Description, ReentryPolicy ReentryPolicy, int? InactivityTimeoutMinutes)
    : ITenantCommand<JourneyDto>;

internal sealed class UpdateJourneyValidator : JourneySettingsValidator<UpdateJourney>
{
    public UpdateJourneyValidator() => Settings(c => c.Name, c => c.Description, c => c.ReentryPolicy, c => c.InactivityTimeoutMinutes);
}

internal sealed class UpdateJourneyHandler(IAppDbContext db, JourneyQueries journeys, TimeProvider clock) : ICommandHandler<UpdateJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(UpdateJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        journey.Edit(command.Name, command.Description, command.ReentryPolicy, command.InactivityTimeoutMinutes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}
