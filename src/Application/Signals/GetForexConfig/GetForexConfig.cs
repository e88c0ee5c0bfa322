using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Signals;

/// <summary>The tenant's signal engine settings with their defaults and ranges, the aliases a PUT accepts, and stored keys the engine does not know.</summary>
public sealed record GetForexConfig : ITenantQuery<ForexConfigDto>;

internal sealed class GetForexConfigHandler(IAppDbContext db) : IQueryHandler<GetForexConfig, ForexConfigDto>
{
    public async ValueTask<ForexConfigDto> Handle(GetForexConfig query, CancellationToken cancellationToken) =>
        ForexConfigView.Of(await ForexConfigStore.StoredAsync(db, cancellationToken));
}
