using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

/// <summary>Deletes a campaign that never went live (a draft); one that ran is kept for its record (409).</summary>
public sealed record DeleteCampaign(int Id) : ITenantCommand<Unit>;

internal sealed class DeleteCampaignHandler(IAppDbContext db, CampaignQueries campaigns) : ICommandHandler<DeleteCampaign, Unit>
{
    public async ValueTask<Unit> Handle(DeleteCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        if (campaign.Status != CampaignStatus.Draft)
        {
            throw new ConflictException("A campaign that has run is kept for its record: only drafts can be deleted.");
        }

        db.Campaigns.Remove(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
