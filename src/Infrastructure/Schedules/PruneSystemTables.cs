using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Domain.Audit;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>
/// Hourly: forgets dispatched domain events, processed Telegram updates, finished Telegram deliveries and finished
/// schedule slots older than the retention, and audit log entries older than theirs
/// (<see cref="AuditEntry.Retention"/>), a small batch per statement so no statement holds many rows locked.
/// </summary>
public sealed class PruneSystemTables(AppDbContext db, TimeProvider clock) : IScheduledJob
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Audit entries deleted per statement.</summary>
    public const int AuditBatchSize = 1000;

    public string Name => "prune-system-tables";

    public bool PerTenant => false;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromHours(1), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken)
    {
        var cutoff = new NpgsqlParameter("cutoff", WorkQueue.Microseconds(clock.GetUtcNow() - Retention));
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM domain_events WHERE status = 'dispatched' AND dispatched_at < @cutoff", [cutoff], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM telegram_updates WHERE status IN ('processed', 'failed') AND received_at < @cutoff",
            [new NpgsqlParameter("cutoff", cutoff.Value)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM telegram_outbox WHERE status IN ('sent', 'failed', 'unknown') AND created_at < @cutoff",
            [new NpgsqlParameter("cutoff", cutoff.Value)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM schedule_slots WHERE completed_at < @cutoff",
            [new NpgsqlParameter("cutoff", cutoff.Value)], cancellationToken);
        await PruneAuditLogAsync(cancellationToken);
    }

    private async Task PruneAuditLogAsync(CancellationToken cancellationToken)
    {
        var cutoff = WorkQueue.Microseconds(clock.GetUtcNow() - AuditEntry.Retention);
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE occurred_at < @cutoff ORDER BY occurred_at LIMIT @batch)",
                [new NpgsqlParameter("cutoff", cutoff), new NpgsqlParameter("batch", AuditBatchSize)], cancellationToken);
        }
        while (deleted == AuditBatchSize);
    }
}
