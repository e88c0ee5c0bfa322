using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Broadcasts;

public sealed record GetBroadcast(int Id) : ITenantQuery<BroadcastDto>;

internal sealed class GetBroadcastHandler(BroadcastQueries broadcasts) : IQueryHandler<GetBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(GetBroadcast query, CancellationToken cancellationToken) =>
        await broadcasts.DtoAsync(await broadcasts.TrackedAsync(query.Id, cancellationToken), cancellationToken);
}
