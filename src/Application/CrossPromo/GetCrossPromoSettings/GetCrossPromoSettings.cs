using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.CrossPromo;

public sealed record GetCrossPromoSettings : ITenantQuery<CrossPromoSettingsDto>;

internal sealed class GetCrossPromoSettingsHandler(CrossPromoSettingsStore store) : Mediator.IQueryHandler<GetCrossPromoSettings, CrossPromoSettingsDto>
{
    public async ValueTask<CrossPromoSettingsDto> Handle(GetCrossPromoSettings query, CancellationToken cancellationToken) =>
        await store.DtoAsync(await store.LoadAsync(track: false, cancellationToken), cancellationToken);
}
