using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Broadcasts;

public sealed record ListBroadcasts : ITenantQuery<IReadOnlyList<BroadcastDto>>;

internal sealed class ListBroadcastsHandler(IAppDbContext db, BroadcastQueries broadcasts) : IQueryHandler<ListBroadcasts, IReadOnlyList<BroadcastDto>>
{
    public async ValueTask<IReadOnlyList<BroadcastDto>> Handle(ListBroadcasts query, CancellationToken cancellationToken)
    {
        return await broadcasts.DtosAsync(await db.BroadcastJobs.AsNoTracking().OrderByDescending(b => b.Id).Take(100).ToListAsync(cancellationToken), cancellationToken);
    }
}
