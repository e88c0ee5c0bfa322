using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>
/// Hourly: forgets dispatched domain events, processed Telegram updates, finished Telegram deliveries and finished
/// schedule slots older than the retention.
/// </summary>
public sealed class PruneSystemTables(AppDbContext db, TimeProvider clock) : IScheduledJob
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

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
    }
}
