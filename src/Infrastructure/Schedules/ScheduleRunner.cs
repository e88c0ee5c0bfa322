using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Jobs;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Observability;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>
/// Runs the periodic jobs that are due. Coravel is only the timer: PostgreSQL decides which instance runs a slot
/// (<c>INSERT … ON CONFLICT</c> on the slot's key), so two instances never both run it. A run is cancelled before its
/// lease ends; a failed run releases its slot after a backoff; a run whose instance died is reclaimed once its lease
/// has expired.
/// </summary>
public sealed partial class ScheduleRunner(
    IServiceScopeFactory scopeFactory, TenantScopes tenantScopes, TimeProvider clock, ILogger<ScheduleRunner> logger)
{
    private const string ClaimSql =
        """
        INSERT INTO schedule_slots (job, tenant_id, slot, claimed_at, locked_until, attempts)
        VALUES (@job, @tenant, @slot, @now, @lease, 1)
        ON CONFLICT (job, tenant_id, slot) DO UPDATE
            SET claimed_at = EXCLUDED.claimed_at, locked_until = EXCLUDED.locked_until, attempts = schedule_slots.attempts + 1
            WHERE schedule_slots.completed_at IS NULL AND schedule_slots.locked_until <= EXCLUDED.claimed_at
        RETURNING attempts AS "Value"
        """;

    private const string CompleteSql =
        """
        UPDATE schedule_slots SET completed_at = @now, last_error = @error
        WHERE job = @job AND tenant_id = @tenant AND slot = @slot AND locked_until = @lease
        """;

    /// <summary>A failed run gives its slot back until <c>@now</c>, the end of its backoff, so a later tick retries it.</summary>
    private const string ReleaseSql =
        """
        UPDATE schedule_slots SET locked_until = @now, last_error = @error
        WHERE job = @job AND tenant_id = @tenant AND slot = @slot AND locked_until = @lease
        """;

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A failed slot is retried after 1, 2, 4 … minutes, at most 30, each shortened by the queues' jitter (to between half
    /// and all of it, so instances do not retry in step), for as long as it stays due.
    /// </summary>
    public RetryPolicy Retry { get; init; } = new(int.MaxValue, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));

    /// <summary>How many tenants' runs go side by side, so one tenant's slow job holds up no other tenant.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>
    /// Runs every due slot not yet claimed, for the tenants each job's audience names; returns the slots this instance
    /// ran. Tenants' runs go <see cref="Parallelism"/> at a time, each in its own scope.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(string Name, bool PerTenant, ScheduleAudience Audience)> jobs;
        IReadOnlyList<(string Id, string Timezone)> tenants;
        var audiences = new Dictionary<ScheduleAudience, IReadOnlySet<string>?>();
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            jobs = scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => (j.Name, j.PerTenant, j.Audience)).ToList();
            var directory = scope.ServiceProvider.GetRequiredService<TenantDirectory>();
            tenants = jobs.Any(j => j.PerTenant) ? await directory.ListAsync(cancellationToken) : [];
            foreach (var audience in jobs.Where(j => j.PerTenant).Select(j => j.Audience).Distinct())
            {
                audiences[audience] = await directory.AudienceAsync(audience, cancellationToken);
            }
        }

        // Each target (a tenant, or the platform) runs its due jobs in their order; targets run side by side.
        var targets = tenants.Select(t => (t.Id, t.Timezone, Jobs: jobs.Where(j => j.PerTenant && (audiences[j.Audience]?.Contains(t.Id) ?? true)).Select(j => j.Name).ToList()))
            .Prepend((Id: string.Empty, Timezone: TimeZones.Utc, Jobs: jobs.Where(j => !j.PerTenant).Select(j => j.Name).ToList()))
            .Where(t => t.Jobs.Count > 0);
        var ran = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (target, ct) =>
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(target.Timezone, out var zone))
            {
                // One tenant's unusable zone must not stop every other tenant's schedules.
                LogUnknownZone(string.Join(", ", target.Jobs), target.Id, target.Timezone);
                return;
            }

            foreach (var name in target.Jobs)
            {
                if (await TryRunAsync(name, target.Id, zone, now, ct) is { } slot)
                {
                    ran.Enqueue($"{name}/{(target.Id.Length == 0 ? "-" : target.Id)}/{slot}");
                }
            }
        });

        return [.. ran];
    }

    private async Task<string?> TryRunAsync(string name, string tenantId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.Open(tenantId);

        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == name);
        var slot = job.DueSlot(now, zone);
        var lease = WorkQueue.Microseconds(now + Lease);
        if (slot is null || await ClaimAsync(name, tenantId, slot, now, lease, cancellationToken) is not { } attempts)
        {
            return null;
        }

        // How late after the tick this tenant's run starts: every tenant's jobs share the minute.
        Telemetry.ScheduleLateness.Record((clock.GetUtcNow() - now).TotalSeconds, Telemetry.Tag("job", name));
        using var activity = Telemetry.Activities.StartActivity($"schedule {name}");
        activity?.SetTag("promostack.tenant", tenantId);
        activity?.SetTag("promostack.slot", slot);

        // The run is cancelled before its lease ends, so that no other instance can take the slot while it still runs.
        using var timeout = new CancellationTokenSource(Lease * 0.8, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await job.RunAsync(slot, linked.Token);
            if (await ExecuteAsync(CompleteSql, name, tenantId, slot, clock.GetUtcNow(), lease, null, cancellationToken) != 1)
            {
                LogLeaseLost(name, tenantId, slot);
            }

            return slot;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(exception, name, tenantId, slot);
            var error = timeout.IsCancellationRequested ? $"Timed out after {(Lease * 0.8).TotalMinutes:F0} min." : $"{exception.GetType().Name}: {exception.Message}";
            var retryAt = WorkQueue.Microseconds(clock.GetUtcNow() + Retry.DelayAfter(attempts, 0.5 + (Random.Shared.NextDouble() / 2)));
            await ExecuteAsync(ReleaseSql, name, tenantId, slot, retryAt, lease, error, cancellationToken);
            return null;
        }
    }

    /// <summary>The slot's attempt number once this instance holds it; null when another holds it or it is done.</summary>
    private async Task<int?> ClaimAsync(string name, string tenantId, string slot, DateTimeOffset now, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var attempts = await scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(DatabaseRoles.System).Database.SqlQueryRaw<int>(
                ClaimSql, [.. SlotParameters(name, tenantId, slot, now, lease)])
            .ToListAsync(cancellationToken);
        return attempts.Count == 0 ? null : attempts[0];
    }

    private async Task<int> ExecuteAsync(
        string sql, string name, string tenantId, string slot, DateTimeOffset now, DateTimeOffset lease, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(DatabaseRoles.System).Database.ExecuteSqlRawAsync(
            sql,
            [.. SlotParameters(name, tenantId, slot, now, lease), new NpgsqlParameter("error", (object?)error ?? DBNull.Value)],
            cancellationToken);
    }

    /// <summary>The parameters naming one job's slot for a tenant, with the time and the lease it is claimed under.</summary>
    private static NpgsqlParameter[] SlotParameters(string name, string tenantId, string slot, DateTimeOffset now, DateTimeOffset lease) =>
    [
        new("job", name), new("tenant", tenantId), new("slot", slot), new("now", WorkQueue.Microseconds(now)), new("lease", lease),
    ];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} for tenant '{Tenant}' slot {Slot} outlived its lease; another instance may have run it too")]
    private partial void LogLeaseLost(string job, string tenant, string slot);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} skipped for tenant '{Tenant}': unknown time zone '{Zone}'")]
    private partial void LogUnknownZone(string job, string tenant, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} for tenant '{Tenant}' slot {Slot} failed; it runs again on the next tick")]
    private partial void LogRunFailed(Exception exception, string job, string tenant, string slot);
}
