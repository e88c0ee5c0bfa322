using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Domain.Audit;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>
/// Hourly: forgets dispatched domain events, processed Telegram updates, finished Telegram deliveries, finished
/// schedule slots and Stripe's processed events older than their retention, and audit log entries older than theirs
/// (<see cref="AuditEntry.Retention"/>). Each table is pruned <see cref="BatchSize"/> rows per statement, skipping rows
/// another transaction holds (<c>SKIP LOCKED</c>), so no statement holds many rows or waits for a writer; at most
/// <see cref="MaxBatches"/> statements per table and run, the rest waits for the next hour. What something still needs
/// stays: a delivery that an unfinished or recent one depends on (deleting it would take its dependents along), the
/// post of a signal still open (its edits and replies refer to it), and each tenant's newest Stripe event (the proof
/// that Stripe reaches this API).
/// </summary>
public sealed class PruneSystemTables([FromKeyedServices(DatabaseRoles.System)] AppDbContext db, TimeProvider clock) : IScheduledJob
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Stripe retries an event for 3 days and can resend one for 30: the ledger keeps a few days more.</summary>
    public static readonly TimeSpan StripeLedgerRetention = TimeSpan.FromDays(35);

    /// <summary>Rows deleted per statement.</summary>
    public const int BatchSize = 1000;

    /// <summary>Statements per table and run (an hour's share: a backlog is worked down over several runs).</summary>
    public const int MaxBatches = 200;

    private const string DomainEventsSql = """
        DELETE FROM domain_events WHERE id IN (
            SELECT id FROM domain_events WHERE status = 'dispatched' AND dispatched_at < @cutoff
            LIMIT @batch FOR UPDATE SKIP LOCKED)
        """;

    private const string UpdatesSql = """
        DELETE FROM telegram_updates WHERE id IN (
            SELECT id FROM telegram_updates WHERE status IN ('processed', 'failed') AND received_at < @cutoff
            LIMIT @batch FOR UPDATE SKIP LOCKED)
        """;

    private const string OutboxSql = """
        DELETE FROM telegram_outbox WHERE id IN (
            SELECT o.id FROM telegram_outbox AS o
            WHERE o.status IN ('sent', 'failed', 'unknown') AND o.created_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM telegram_outbox AS d
                              WHERE d.depends_on_id = o.id AND (d.status NOT IN ('sent', 'failed', 'unknown') OR d.created_at >= @cutoff))
              AND NOT EXISTS (SELECT 1 FROM forex_signals AS s WHERE s.telegram_post_outbox_id = o.id AND s.closed_at IS NULL)
            LIMIT @batch FOR UPDATE OF o SKIP LOCKED)
        """;

    private const string SlotsSql = """
        DELETE FROM schedule_slots WHERE (job, tenant_id, slot) IN (
            SELECT job, tenant_id, slot FROM schedule_slots WHERE completed_at < @cutoff
            LIMIT @batch FOR UPDATE SKIP LOCKED)
        """;

    private const string StripeLedgerSql = """
        DELETE FROM processed_webhook_events WHERE (tenant_id, event_id) IN (
            SELECT e.tenant_id, e.event_id FROM processed_webhook_events AS e
            WHERE e.processed_at < @cutoff
              AND EXISTS (SELECT 1 FROM processed_webhook_events AS n WHERE n.tenant_id = e.tenant_id AND n.processed_at > e.processed_at)
            LIMIT @batch FOR UPDATE OF e SKIP LOCKED)
        """;

    private const string AuditSql = """
        DELETE FROM audit_log WHERE id IN (
            SELECT id FROM audit_log WHERE occurred_at < @cutoff ORDER BY occurred_at
            LIMIT @batch FOR UPDATE SKIP LOCKED)
        """;

    public string Name => "prune-system-tables";

    public bool PerTenant => false;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromHours(1), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (sql, retention) in new[]
                 {
                     (DomainEventsSql, Retention), (UpdatesSql, Retention), (OutboxSql, Retention), (SlotsSql, Retention),
                     (StripeLedgerSql, StripeLedgerRetention), (AuditSql, AuditEntry.Retention),
                 })
        {
            await PruneAsync(sql, WorkQueue.Microseconds(now - retention), cancellationToken);
        }
    }

    private async Task PruneAsync(string sql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var deleted = await db.Database.ExecuteSqlRawAsync(
                sql, [new NpgsqlParameter("cutoff", cutoff), new NpgsqlParameter("batch", BatchSize)], cancellationToken);
            if (deleted < BatchSize)
            {
                return;
            }
        }
    }
}
