using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Application.CrossPromo;

public sealed record GetCrossPromoSettings : ITenantQuery<CrossPromoSettingsDto>;

internal sealed class GetCrossPromoSettingsHandler(CrossPromoSettingsStore store) : Mediator.IQueryHandler<GetCrossPromoSettings, CrossPromoSettingsDto>
{
    public async ValueTask<CrossPromoSettingsDto> Handle(GetCrossPromoSettings query, CancellationToken cancellationToken) =>
        await store.DtoAsync(await store.LoadAsync(track: false, cancellationToken), cancellationToken);
}
