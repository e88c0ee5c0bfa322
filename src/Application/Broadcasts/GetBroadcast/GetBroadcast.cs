using Mediator;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Broadcasts;

public sealed record GetBroadcast(int Id) : ITenantQuery<BroadcastDto>;

internal sealed class GetBroadcastHandler(BroadcastQueries broadcasts) : IQueryHandler<GetBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(GetBroadcast query, CancellationToken cancellationToken) =>
        await broadcasts.DtoAsync(await broadcasts.TrackedAsync(query.Id, cancellationToken), cancellationToken);
}
