using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record CreateJourney(string Name, string? Description, ReentryPolicy ReentryPolicy, int? InactivityTimeoutMinutes) : ITenantCommand<JourneyDto>;

internal sealed class CreateJourneyValidator : JourneySettingsValidator<CreateJourney>
{
    public CreateJourneyValidator() => Settings(c => c.Name, c => c.Description, c => c.ReentryPolicy, c => c.InactivityTimeoutMinutes);
}

internal sealed class CreateJourneyHandler(IAppDbContext db, ITenantContext tenant, JourneyQueries journeys, TimeProvider clock)
    : ICommandHandler<CreateJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(CreateJourney command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var journey = Journey.Create(tenant.RequiredTenantId, command.Name, command.Description, now);
        journey.Edit(command.Name, command.Description, command.ReentryPolicy, command.InactivityTimeoutMinutes, now);
        db.Journeys.Add(journey);
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}
