using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

/// <summary>The daily move of the tenant's campaigns by their dates (in the tenant's zone).</summary>
public sealed record FollowCampaignDates : ITenantCommand<int>;

internal sealed class FollowCampaignDatesHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<FollowCampaignDates, int>
{
    public async ValueTask<int> Handle(FollowCampaignDates command, CancellationToken cancellationToken)
    {
        var today = await campaigns.TodayAsync(clock, cancellationToken);
        var moving = await db.Campaigns
            .Where(c => (c.Status == CampaignStatus.Draft && c.PublishedAt != null && c.StartDate <= today) || (c.Status == CampaignStatus.Active && c.EndDate < today))
            .ToListAsync(cancellationToken);
        foreach (var campaign in moving)
        {
            campaign.FollowDates(today, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return moving.Count;
    }
}
