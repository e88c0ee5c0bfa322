using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Import;

namespace PromoStack.Application.Import;

/// <summary>
/// Imports one tenant in its unit of work: refused when PromoStack already holds the tenant (made here, not by an
/// import), nothing done when it was imported before, else every area in order, the quarantined rows and the
/// import's record written last — all in the caller's one transaction, so the tenant comes over whole or not at all.
/// </summary>
public sealed class TenantImporter(ISecretProtector secrets, IEnumerable<Telegram.IStartPayloadHandler> startPayloads)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task<TenantImportReport> ImportAsync(
        IOriginalDatabase source, IAppDbContext db, Guid runId, string sourceTenantId, string tenantId, bool dryRun, bool merge, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await db.TenantImports.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } done)
        {
            return Outcome(sourceTenantId, tenantId, TenantOutcome.AlreadyImported, $"Imported at {done.ImportedAt:u} from {done.Source}; nothing changed.");
        }

        var exists = await db.Tenants.AnyAsync(cancellationToken);
        if (exists && !merge)
        {
            return Outcome(sourceTenantId, tenantId, TenantOutcome.Refused,
                $"PromoStack already has a tenant '{tenantId}' with data made here; the import does not write into it unless asked to merge (--merge).");
        }

        var session = new TenantImportSession(source, db, runId, sourceTenantId, tenantId, dryRun, now, exists);
        var before = await TargetCounts.CountAsync(db, cancellationToken);
        var tenant = await TenantProfileImport.RunAsync(session, cancellationToken)
                     ?? throw new InvalidOperationException($"The original has no tenant '{sourceTenantId}'.");
        if (!dryRun)
        {
            await session.FlushAsync(cancellationToken);
        }

        await ConnectionsImport.RunAsync(session, secrets, cancellationToken);
        await ForexSettingsImport.RunAsync(session, tenant, cancellationToken);
        await SignalsImport.RunAsync(session, cancellationToken);
        await SubscriptionsImport.RunAsync(session, cancellationToken);
        await BotUsersImport.RunAsync(session, cancellationToken);
        await CrossPromoImport.RunAsync(session, tenant, cancellationToken);
        await MarketingImport.RunAsync(session, tenant, cancellationToken);
        await NoCounterpartImport.RunAsync(session, cancellationToken);
        await JourneysImport.RunAsync(session, [.. startPayloads.Select(p => p.Prefix)], cancellationToken);
        await StripeLedgerImport.RunAsync(session, cancellationToken);
        await session.FlushAsync(cancellationToken);

        var after = dryRun ? before : await TargetCounts.CountAsync(db, cancellationToken);
        var tables = session.Tables.Select(t => t with
        {
            TargetBefore = before.TryGetValue(t.Target, out var b) ? b : null,
            TargetAfter = after.TryGetValue(t.Target, out var a) ? a : null,
        }).ToList();
        var report = new TenantImportReport(
            sourceTenantId, tenantId, dryRun ? TenantOutcome.WouldImport : TenantOutcome.Imported, null, tables, session.Secrets, session.Settings,
            [.. session.Quarantine.Select(q => new QuarantineNote(q.SourceTable, q.SourceKey, q.Reason))], session.Notes);
        if (!dryRun)
        {
            foreach (var row in session.Quarantine)
            {
                db.Add(row);
            }

            db.Add(TenantImport.Completed(tenantId, sourceTenantId, source.Inventory.Source, now, JsonSerializer.Serialize(report, Json), session.Quarantine.Count));
            await db.SaveChangesAsync(cancellationToken);
        }

        return report;
    }

    private static TenantImportReport Outcome(string sourceTenantId, string tenantId, TenantOutcome outcome, string reason) =>
        new(sourceTenantId, tenantId, outcome, reason, [], [], [], [], []);
}

/// <summary>The rows the tenant has in PromoStack's tables the import writes (before and after, for the report).</summary>
internal static class TargetCounts
{
    public static async Task<Dictionary<string, long>> CountAsync(IAppDbContext db, CancellationToken cancellationToken) => new(StringComparer.Ordinal)
    {
        ["tenants"] = await db.Tenants.LongCountAsync(cancellationToken),
        ["tenant_users"] = await db.TenantUsers.LongCountAsync(cancellationToken),
        ["tenant_bot_connections"] = await db.BotConnections.LongCountAsync(cancellationToken),
        ["tenant_stripe_settings"] = await db.StripeSettings.LongCountAsync(cancellationToken),
        ["forex_config"] = await db.ForexConfig.LongCountAsync(cancellationToken),
        ["forex_signals"] = await db.ForexSignals.LongCountAsync(cancellationToken),
        ["telegram_subscriptions"] = await db.TelegramSubscriptions.LongCountAsync(cancellationToken),
        ["channel_memberships"] = await db.ChannelMemberships.LongCountAsync(cancellationToken),
        ["bot_users"] = await db.BotUsers.LongCountAsync(cancellationToken),
        ["bot_usage"] = await db.BotUsage.LongCountAsync(cancellationToken),
        ["processed_webhook_events"] = await db.ProcessedWebhookEvents.LongCountAsync(cancellationToken),
        ["tenant_crosspromo_settings"] = await db.CrossPromoSettings.LongCountAsync(cancellationToken),
        ["broadcast_jobs"] = await db.BroadcastJobs.LongCountAsync(cancellationToken),
        ["campaigns"] = await db.Campaigns.LongCountAsync(cancellationToken),
        ["campaign_entries"] = await db.CampaignEntries.LongCountAsync(cancellationToken),
        ["journeys"] = await db.Journeys.LongCountAsync(cancellationToken),
        ["journey_steps"] = await db.JourneySteps.LongCountAsync(cancellationToken),
        ["journey_triggers"] = await db.JourneyTriggers.LongCountAsync(cancellationToken),
        ["journey_user_sessions"] = await db.JourneyUserSessions.LongCountAsync(cancellationToken),
        ["journey_scheduled_messages"] = await db.JourneyScheduledMessages.LongCountAsync(cancellationToken),
    };
}
