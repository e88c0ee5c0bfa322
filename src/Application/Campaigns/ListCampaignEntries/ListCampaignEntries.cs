using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;

namespace PromoStack.Application.Campaigns;

public sealed record ListCampaignEntries(int Id, int Page = 1, int PageSize = 50) : ITenantQuery<Page<CampaignEntryDto>>, IPagedQuery, IAuditedQuery;

internal sealed class ListCampaignEntriesValidator : PagedQueryValidator<ListCampaignEntries>
{
    public ListCampaignEntriesValidator()
    {
    }
}

internal sealed class ListCampaignEntriesHandler(IAppDbContext db, CampaignQueries campaigns) : IQueryHandler<ListCampaignEntries, Page<CampaignEntryDto>>
{
    public async ValueTask<Page<CampaignEntryDto>> Handle(ListCampaignEntries query, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(query.Id, cancellationToken);
        var rows = db.CampaignEntries.AsNoTracking().Where(e => e.CampaignId == campaign.Id);
        var page = await rows.OrderBy(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<CampaignEntryDto>([.. page.Select(CampaignQueries.Dto)], await rows.CountAsync(cancellationToken), query.Page, query.PageSize);
    }
}
