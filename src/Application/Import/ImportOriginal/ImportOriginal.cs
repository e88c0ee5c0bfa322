using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Import;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Import;

/// <summary>
/// Brings tenants over from the original system's database (<paramref name="From"/>: a <c>postgres://</c> URL or an
/// Npgsql connection string; only read). Each tenant in a transaction of its own; <paramref name="Tenants"/> picks
/// some (by their original ids), else all. A dry run reads and maps everything and writes nothing. Naive timestamps
/// are read in <paramref name="SourceTimeZone"/> (default UTC). A tenant that already exists here, made here, is
/// refused unless <paramref name="Merge"/>: then the original's data is added to it, and what it already has is kept.
/// Sent by the CLI only.
/// </summary>
public sealed record ImportOriginal([property: Secret] string From, IReadOnlyList<string> Tenants, bool DryRun, string? SourceTimeZone, bool Merge = false)
    : ICommand<ImportReport>, ITenantAgnostic, ICallsOutsideServices;

internal sealed class ImportOriginalValidator : AbstractValidator<ImportOriginal>
{
    public ImportOriginalValidator()
    {
        RuleFor(c => c.From).NotEmpty().WithMessage("Name the original database: --from <postgres://… URL or connection string>.");
        RuleFor(c => c.SourceTimeZone).Must(TimeZones.IsValidIana).When(c => c.SourceTimeZone is not null)
            .WithMessage("--source-timezone is an IANA zone, e.g. UTC or Europe/London.");
    }
}

internal sealed class ImportOriginalHandler(IOriginalDatabaseOpener opener, IWorkspaceUnitOfWork workspaces, TenantImporter importer, TimeProvider clock)
    : ICommandHandler<ImportOriginal, ImportReport>
{
    /// <summary>Tables whose rows name their tenant; their orphans are quarantined.</summary>
    private static readonly string[] TenantTables =
    [
        "tenant_users", "tenant_bot_connections", "tenant_integrations", "forex_config", "bot_config", "forex_signals", "telegram_subscriptions",
        "bot_users", "bot_usage", "broadcast_jobs", "campaigns", "recent_phrases", "journeys", "journey_user_sessions", "tenant_crosspromo_settings",
        "crosspromo_jobs", "hype_prompts", "hype_flows", "hype_messages",
    ];

    /// <summary>Tables without a tenant column, whose tenant is their parent row's.</summary>
    private static readonly (string Table, string ForeignKey, string Parent)[] ChildTables =
    [
        ("submissions", "campaign_id", "campaigns"), ("signal_narrative", "signal_id", "forex_signals"), ("journey_steps", "journey_id", "journeys"),
        ("hype_flow_steps", "flow_id", "hype_flows"),
    ];

    /// <summary>The tables this version of the import brings over; any other present in the source is named in the report.</summary>
    private static readonly string[] Known =
    [
        "tenants", "tenant_users", "clerk_users", "tenant_bot_connections", "tenant_integrations", "tenant_telethon_credentials", "telegram_webhook_secrets",
        "tenant_stripe_settings", "tenant_stripe_products", "tenant_stripe_prices", "forex_config", "bot_config", "forex_signals", "signal_narrative",
        "telegram_subscriptions", "bot_users", "bot_usage", "processed_webhook_events", "processed_webhook_events_old", "journeys", "journey_steps",
        "journey_triggers", "journey_user_sessions", "journey_scheduled_messages", "journey_step_analytics", "journey_link_clicks", "journey_inbound_dedupe",
        "journey_api_event_fired", "tenant_crosspromo_settings", "crosspromo_jobs", "markus_signal_pause", "broadcast_jobs", "campaigns", "submissions",
        "hype_prompts", "hype_flows", "hype_messages", "hype_flow_steps", "recent_phrases", "onboarding_state",
    ];

    public async ValueTask<ImportReport> Handle(ImportOriginal command, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Find(command.SourceTimeZone ?? TimeZones.Utc);
        await using var source = await opener.OpenAsync(command.From, zone, cancellationToken);
        var inventory = source.Inventory;
        if (!inventory.Has("tenants"))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("from", "This database has no tenants table: it is not the original system's database.")]);
        }

        var now = clock.GetUtcNow();
        var runId = Guid.NewGuid();
        var all = new List<string>();
        await foreach (var row in source.ReadAsync("tenants", SourceFilter.All, cancellationToken))
        {
            all.Add(row.RequiredText("id"));
        }

        var unknown = command.Tenants.Except(all, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("tenant", $"The original has no tenant {string.Join(", ", unknown)} (it has {string.Join(", ", all)}).")]);
        }

        var slugs = TenantSlugs.For(all);
        var reports = new List<TenantImportReport>();
        foreach (var sourceTenant in command.Tenants.Count > 0 ? command.Tenants : all)
        {
            reports.Add(await ImportTenantAsync(source, runId, sourceTenant, slugs[sourceTenant], command.DryRun, command.Merge, now, cancellationToken));
        }

        var notes = new List<string>();
        IReadOnlyList<QuarantineNote> orphans;
        try
        {
            orphans = await OrphansAsync(source, runId, all, command.DryRun, now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            orphans = [];
            notes.Add($"The rows that belong to no tenant could not be quarantined ({exception.Message}); the tenants above are imported. Run the import again to retry them.");
        }

        notes.AddRange(
        [
            $"Naive timestamps were read as {zone.Id} (the original database's TimeZone setting is '{inventory.ServerTimeZone}'; pass --source-timezone if its clock was not UTC).",
            "Rows the original wrote with a hard-coded 'entrylab' tenant (subscriptions, bot users, coupon usage) stay entrylab's: the original kept no trace of the tenant they were meant for.",
        ]);
        notes.AddRange(inventory.Tables.Keys.Where(t => !Known.Contains(t) && !t.StartsWith("processed_webhook_events", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(t => $"Table {t} ({inventory.Tables[t].Rows} rows) is not imported by this version of the import."));
        return new ImportReport(
            inventory.Source, inventory.ServerTimeZone, zone.Id, command.DryRun, now, reports,
            [.. Known.Where(t => !inventory.Has(t))], orphans, notes);
    }

    private async Task<TenantImportReport> ImportTenantAsync(
        IOriginalDatabase source, Guid runId, string sourceTenant, string tenantId, bool dryRun, bool merge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await workspaces.InTransactionAsync(
                tenantId, (db, ct) => importer.ImportAsync(source, db, runId, sourceTenant, tenantId, dryRun, merge, now, ct), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new TenantImportReport(sourceTenant, tenantId, TenantOutcome.Failed, $"Rolled back, nothing of the tenant was written: {exception.Message}", [], [], [], [], []);
        }
    }

    /// <summary>Rows that name no tenant of the original (null, or one it does not have), kept in the quarantine once.</summary>
    private async Task<IReadOnlyList<QuarantineNote>> OrphansAsync(
        IOriginalDatabase source, Guid runId, IReadOnlyCollection<string> tenants, bool dryRun, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orphans = new List<QuarantinedRow>();
        foreach (var table in TenantTables.Where(t => source.Inventory.Has(t, "tenant_id")))
        {
            await foreach (var row in source.ReadAsync(table, SourceFilter.Orphans(tenants), cancellationToken))
            {
                var tenant = row.Text("tenant_id");
                orphans.Add(QuarantinedRow.Of(
                    runId, tenant, null, table, TenantImportSession.SourceKey(row.Text("id") ?? row.Text("chat_id") ?? "?"),
                    tenant is null ? "The row names no tenant." : $"The row's tenant '{tenant}' is not in the original's tenants table.",
                    row.ToJson(), now));
            }
        }

        foreach (var (table, foreignKey, parent) in ChildTables.Where(c => source.Inventory.Has(c.Table, c.ForeignKey) && source.Inventory.Has(c.Parent)))
        {
            await foreach (var row in source.ReadAsync(table, SourceFilter.WithoutParent(foreignKey, parent), cancellationToken))
            {
                orphans.Add(QuarantinedRow.Of(
                    runId, null, null, table, TenantImportSession.SourceKey(row.Text("id") ?? "?"), $"The row belongs to no {parent} row ({foreignKey} is {row.Text(foreignKey) ?? "null"}), so to no tenant.",
                    row.ToJson(), now));
            }
        }

        if (!dryRun && orphans.Count > 0)
        {
            await workspaces.InTransactionAsync(string.Empty, async (db, ct) =>
            {
                foreach (var orphan in orphans)
                {
                    if (!await db.QuarantinedRows.AnyAsync(q => q.TenantId == null && q.SourceTable == orphan.SourceTable && q.SourceKey == orphan.SourceKey, ct))
                    {
                        db.Add(orphan);
                    }
                }

                return await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }

        return [.. orphans.Select(o => new QuarantineNote(o.SourceTable, o.SourceKey, o.Reason))];
    }
}
