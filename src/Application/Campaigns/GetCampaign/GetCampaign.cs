using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Campaigns;

public sealed record GetCampaign(int Id) : ITenantQuery<CampaignDto>;

internal sealed class GetCampaignHandler(CampaignQueries campaigns) : IQueryHandler<GetCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(GetCampaign query, CancellationToken cancellationToken) =>
        await campaigns.DtoAsync(await campaigns.TrackedAsync(query.Id, cancellationToken), cancellationToken);
}
