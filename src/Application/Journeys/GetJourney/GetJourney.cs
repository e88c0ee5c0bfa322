using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Journeys;

public sealed record GetJourney(Guid Id) : ITenantQuery<JourneyDto>;

internal sealed class GetJourneyHandler(JourneyQueries journeys) : IQueryHandler<GetJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(GetJourney query, CancellationToken cancellationToken) => await journeys.DtoAsync(query.Id, cancellationToken);
}
