using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

public sealed record ExportCampaignEntries(int Id) : ITenantQuery<string>, IAuditedQuery;

internal sealed class ExportCampaignEntriesHandler(IAppDbContext db, CampaignQueries campaigns) : IQueryHandler<ExportCampaignEntries, string>
{
    public async ValueTask<string> Handle(ExportCampaignEntries query, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(query.Id, cancellationToken);
        var csv = new StringBuilder("entry_id,email,telegram_username,social_links,disqualified,winner,created_at\r\n");
        foreach (var e in await db.CampaignEntries.AsNoTracking().Where(e => e.CampaignId == campaign.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken))
        {
            csv.AppendJoin(',', [
                e.Id.ToString(CultureInfo.InvariantCulture), Csv.Cell(e.Email), Csv.Cell(e.TelegramUsername ?? string.Empty),
                Csv.Cell(string.Join(' ', JsonSerializer.Deserialize<List<string>>(e.SocialLinks) ?? [])), e.Disqualified ? "true" : "false",
                campaign.WinnerEntryId == e.Id ? "true" : "false", e.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ]).Append("\r\n");
        }

        return csv.ToString();
    }
}
