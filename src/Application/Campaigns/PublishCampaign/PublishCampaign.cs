using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

/// <summary>Active at once when its dates have come (the tenant's today), else on its start date.</summary>
public sealed record PublishCampaign(int Id) : ITenantCommand<CampaignDto>;

internal sealed class PublishCampaignHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<PublishCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(PublishCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        campaign.Publish(await campaigns.TodayAsync(clock, cancellationToken), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}
