using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

public sealed record EndCampaign(int Id) : ITenantCommand<CampaignDto>;

internal sealed class EndCampaignHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<EndCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(EndCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        campaign.End(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}
