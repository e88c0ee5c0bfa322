using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

public sealed record GetCampaign(int Id) : ITenantQuery<CampaignDto>;

internal sealed class GetCampaignHandler(CampaignQueries campaigns) : IQueryHandler<GetCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(GetCampaign query, CancellationToken cancellationToken) =>
        await campaigns.DtoAsync(await campaigns.TrackedAsync(query.Id, cancellationToken), cancellationToken);
}
