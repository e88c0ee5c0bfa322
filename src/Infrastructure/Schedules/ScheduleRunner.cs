using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>
/// Runs the periodic jobs that are due. Coravel is only the timer: PostgreSQL decides which instance runs a slot
/// (<c>INSERT … ON CONFLICT</c> on the slot's key), so two instances never both run it. A failed run releases its
/// slot for the next tick; a run whose instance died is reclaimed once its lease has expired.
/// </summary>
public sealed partial class ScheduleRunner(
    IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<ScheduleRunner> logger)
{
    private const string CompleteSql =
        "UPDATE schedule_slots SET completed_at = @now, last_error = @error WHERE job = @job AND tenant_id = @tenant AND slot = @slot";

    /// <summary>A failed run gives its slot back at once, so the next tick retries it.</summary>
    private const string ReleaseSql =
        "UPDATE schedule_slots SET locked_until = @now, last_error = @error WHERE job = @job AND tenant_id = @tenant AND slot = @slot";

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Runs every due slot not yet claimed; returns the slots this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(string Name, bool PerTenant)> jobs;
        IReadOnlyList<(string Id, string Timezone)> tenants;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            jobs = scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => (j.Name, j.PerTenant)).ToList();
            tenants = jobs.Any(j => j.PerTenant) ? await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ListAsync(cancellationToken) : [];
        }

        var ran = new List<string>();
        foreach (var (name, perTenant) in jobs)
        {
            var targets = perTenant ? tenants : [(string.Empty, TimeZones.Utc)];
            foreach (var (tenantId, timezone) in targets)
            {
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone))
                {
                    // One tenant's unusable zone must not stop every other tenant's schedules.
                    LogUnknownZone(name, tenantId, timezone);
                    continue;
                }

                if (await TryRunAsync(name, tenantId, zone, now, cancellationToken) is { } slot)
                {
                    ran.Add($"{name}/{(tenantId.Length == 0 ? "-" : tenantId)}/{slot}");
                }
            }
        }

        return ran;
    }

    private async Task<string?> TryRunAsync(string name, string tenantId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        if (tenantId.Length > 0)
        {
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(tenantId);
        }

        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == name);
        if (job.DueSlot(now, zone) is not { } slot || !await ClaimAsync(name, tenantId, slot, now, cancellationToken))
        {
            return null;
        }

        try
        {
            await job.RunAsync(slot, cancellationToken);
            await SetAsync(CompleteSql, name, tenantId, slot, clock.GetUtcNow(), null, cancellationToken);
            return slot;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRunFailed(exception, name, tenantId, slot);
            await SetAsync(ReleaseSql, name, tenantId, slot, clock.GetUtcNow(),
                $"{exception.GetType().Name}: {exception.Message}", cancellationToken);
            return null;
        }
    }

    private async Task<bool> ClaimAsync(string name, string tenantId, string slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var claimed = await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO schedule_slots (job, tenant_id, slot, claimed_at, locked_until)
                VALUES (@job, @tenant, @slot, @now, @lockedUntil)
                ON CONFLICT (job, tenant_id, slot) DO UPDATE
                    SET claimed_at = EXCLUDED.claimed_at, locked_until = EXCLUDED.locked_until
                    WHERE schedule_slots.completed_at IS NULL AND schedule_slots.locked_until <= EXCLUDED.claimed_at
                """,
                [
                new NpgsqlParameter("job", name), new NpgsqlParameter("tenant", tenantId), new NpgsqlParameter("slot", slot),
                new NpgsqlParameter("now", WorkQueue.Microseconds(now)), new NpgsqlParameter("lockedUntil", WorkQueue.Microseconds(now + Lease))],
            cancellationToken);
        return claimed == 1;
    }

    private async Task SetAsync(
        string update, string name, string tenantId, string slot, DateTimeOffset now, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(
            update,
            [new NpgsqlParameter("now", WorkQueue.Microseconds(now)), new NpgsqlParameter("error", (object?)error ?? DBNull.Value),
                new NpgsqlParameter("job", name), new NpgsqlParameter("tenant", tenantId), new NpgsqlParameter("slot", slot)],
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} skipped for tenant '{Tenant}': unknown time zone '{Zone}'")]
    private partial void LogUnknownZone(string job, string tenant, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} for tenant '{Tenant}' slot {Slot} failed; it runs again on the next tick")]
    private partial void LogRunFailed(Exception exception, string job, string tenant, string slot);
}
