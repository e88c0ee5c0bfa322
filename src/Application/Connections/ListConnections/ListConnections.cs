using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Connections;

public sealed record ListConnections : ITenantQuery<IReadOnlyList<ConnectionDto>>;

internal sealed class ListConnectionsHandler(IAppDbContext db) : IQueryHandler<ListConnections, IReadOnlyList<ConnectionDto>>
{
    public async ValueTask<IReadOnlyList<ConnectionDto>> Handle(ListConnections query, CancellationToken cancellationToken) =>
        await db.BotConnections.AsNoTracking().OrderBy(c => c.BotRole).Select(ConnectionDto.Projection).ToListAsync(cancellationToken);
}
