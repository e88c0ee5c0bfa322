using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Common;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Import;

/// <summary>
/// Broadcasts and campaigns as history. A broadcast keeps its message, times and counts (the original kept counts,
/// not deliveries); one the original had not finished is imported cancelled — it was the original's to send, and
/// sending it here too could reach users twice. Its "users active in the last N days" audience is noted; the
/// broadcast is history, so its audience is not re-evaluated. Campaigns keep their dates (days in the tenant's
/// zone): <c>scheduled</c> comes over published and starts on its start date, <c>ongoing</c> is active, <c>expired</c>
/// ended — and any whose end date has passed is ended; their submissions are the entries.
/// </summary>
internal static class MarketingImport
{
    public static async Task RunAsync(TenantImportSession session, Tenant tenant, CancellationToken cancellationToken)
    {
        await foreach (var row in session.RowsAsync("broadcast_jobs", "broadcast_jobs", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            try
            {
                var status = row.Text("status") switch
                {
                    "completed" => BroadcastJobStatus.Completed,
                    "failed" => BroadcastJobStatus.Failed,
                    "pending" or "processing" => BroadcastJobStatus.Cancelled,
                    var other => throw new SourceFormatException($"Unknown status '{other}'."),
                };
                if (status == BroadcastJobStatus.Cancelled)
                {
                    session.Notes.Add($"Broadcast {key} was {row.Text("status")} in the original: it comes over cancelled (the original's to send; sending it here too could reach users twice). Send it again here if it is still wanted.");
                }

                var created = row.Time("created_at") ?? session.Now;
                var job = BroadcastJob.Imported(
                    session.TenantId, row.RequiredText("message"), status, created, row.Time("completed_at"), row.Int("total_users"),
                    row.Int("sent_count") ?? 0, row.Int("failed_count") ?? 0);
                await session.AddAsync(row, key, job, "broadcast_jobs", j => j.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "broadcast_jobs", exception.Message);
            }
        }

        var zone = TimeZones.Find(tenant.Timezone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.Now, zone).DateTime);
        var entries = new List<SourceRow>();
        await foreach (var row in session.RowsAsync("submissions", "campaign_entries", SourceFilter.Parent("campaign_id", "campaigns", session.SourceTenantId), cancellationToken))
        {
            entries.Add(row);
        }

        await foreach (var row in session.RowsAsync("campaigns", "campaigns", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            try
            {
                await CampaignAsync(session, row, key, zone, today, entries.Where(e => e.Text("campaign_id") == key).ToList(), cancellationToken);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "campaigns", exception.Message);
            }
        }
    }

    private static async Task CampaignAsync(
        TenantImportSession session, SourceRow row, string key, TimeZoneInfo zone, DateOnly today, List<SourceRow> entries, CancellationToken cancellationToken)
    {
        DateOnly Day(string column) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(row.Time(column) ?? throw new SourceFormatException($"No {column}."), zone).DateTime);
        var created = row.Time("created_at") ?? session.Now;
        var campaign = Campaign.Draft(session.TenantId, row.RequiredText("title"), row.Text("description"), Day("start_date"), Day("end_date"), row.Text("prize"), created);
        var status = row.Text("status");
        switch (status)
        {
            case "scheduled" when campaign.EndDate >= today:
                campaign.Publish(today, session.Now);
                break;
            case "scheduled" or "ongoing" or "expired":
                campaign.Activate(row.Time("start_date") ?? created);
                break;
            default:
                throw new SourceFormatException($"Unknown status '{status}'.");
        }

        if (campaign.Status != CampaignStatus.Active && entries.Count > 0)
        {
            throw new SourceFormatException("A campaign that has not started has submissions.");
        }

        // Entries are checked before the campaign is added, so a bad one never leaves a campaign half imported.
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<SourceRow>();
        foreach (var entry in entries)
        {
            var email = entry.Text("email")?.Trim().ToLowerInvariant();
            if (email is not { Length: > 0 and <= 320 } || !emails.Add(email))
            {
                session.Quarantined(entry, entry.Text("id") ?? "?", "campaign_entries", email is null ? "A submission without an email." : "A second submission of the same email to the campaign (or one too long).");
                continue;
            }

            valid.Add(entry);
        }

        entries = valid;
        await session.AddAsync(row, key, campaign, "campaigns", c => c.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await session.FlushAsync(cancellationToken);
        if (session.DryRun)
        {
            foreach (var entry in entries)
            {
                session.Merged(entry, "campaign_entries");
            }

            return;
        }

        var tracked = await session.Db.Campaigns.SingleAsync(c => c.Id == campaign.Id, cancellationToken);
        foreach (var entry in entries)
        {
            var links = new JsonArray([.. new[] { "instagram_url", "twitter_url", "facebook_url" }.Select(entry.Text).Where(u => u is not null).Select(u => (JsonNode)JsonValue.Create(u)!)]);
            await session.AddAsync(
                entry, entry.Text("id") ?? "?", CampaignEntry.Enter(tracked, entry.RequiredText("email"), null, links.ToJsonString(), entry.Time("created_at") ?? created),
                "campaign_entries", e => e.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        await session.FlushAsync(cancellationToken);
        if (campaign.Status == CampaignStatus.Active && (status == "expired" || campaign.EndDate < today))
        {
            (await session.Db.Campaigns.SingleAsync(c => c.Id == campaign.Id, cancellationToken)).End(row.Time("end_date") ?? session.Now);
            await session.Db.SaveChangesAsync(cancellationToken);
        }
    }
}
