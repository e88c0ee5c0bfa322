using FluentValidation;
using FluentValidation.Results;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record GetJourney(Guid Id) : ITenantQuery<JourneyDto>;

internal sealed class GetJourneyHandler(JourneyQueries journeys) : IQueryHandler<GetJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(GetJourney query, CancellationToken cancellationToken) => await journeys.DtoAsync(query.Id, cancellationToken);
}
