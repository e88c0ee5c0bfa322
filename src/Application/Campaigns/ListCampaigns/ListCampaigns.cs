using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

public sealed record ListCampaigns(CampaignStatus? Status) : ITenantQuery<IReadOnlyList<CampaignDto>>;

internal sealed class ListCampaignsHandler(IAppDbContext db, CampaignQueries campaigns) : IQueryHandler<ListCampaigns, IReadOnlyList<CampaignDto>>
{
    public async ValueTask<IReadOnlyList<CampaignDto>> Handle(ListCampaigns query, CancellationToken cancellationToken)
    {
        var rows = db.Campaigns.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        return await campaigns.DtosAsync(
            await rows.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken), cancellationToken);
    }
}
