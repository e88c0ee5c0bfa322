using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Signals;

/// <summary>The tenant's last check: when, on which candle, and why no signal (or which one).</summary>
public sealed record GetLastForexCheck : ITenantQuery<ForexCheckResult?>;

internal sealed class GetLastForexCheckHandler(IAppDbContext db) : IQueryHandler<GetLastForexCheck, ForexCheckResult?>
{
    public async ValueTask<ForexCheckResult?> Handle(GetLastForexCheck query, CancellationToken cancellationToken) =>
        await db.ForexCheckStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } state ? RunForexCheckHandler.Result(state) : null;
}
