using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

public sealed record DisqualifyCampaignEntry(int Id, int EntryId) : ITenantCommand<CampaignEntryDto>;

internal sealed class DisqualifyCampaignEntryHandler(IAppDbContext db) : ICommandHandler<DisqualifyCampaignEntry, CampaignEntryDto>
{
    public async ValueTask<CampaignEntryDto> Handle(DisqualifyCampaignEntry command, CancellationToken cancellationToken)
    {
        var entry = await db.CampaignEntries.SingleOrDefaultAsync(e => e.Id == command.EntryId && e.CampaignId == command.Id, cancellationToken)
                    ?? throw new NotFoundException("Entry", command.EntryId);
        entry.Disqualify();
        await db.SaveChangesAsync(cancellationToken);
        return CampaignQueries.Dto(entry);
    }
}
