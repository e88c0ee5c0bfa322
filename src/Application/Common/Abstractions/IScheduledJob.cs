namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// Periodic work. Every minute each app instance asks every job which slot is due; the first instance to claim a
/// (job, tenant, slot) row in PostgreSQL runs it and no other does. A slot that came due while every instance was
/// down is still unclaimed on the next tick, so it runs then ("due since the last run").
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable name, part of the slot key.</summary>
    string Name { get; }

    /// <summary>True: run once per tenant, in a scope with that tenant set; false: once for the platform.</summary>
    bool PerTenant { get; }

    /// <summary>Which tenants a per-tenant job is for (every tenant unless the job says otherwise).</summary>
    ScheduleAudience Audience => ScheduleAudience.EveryTenant;

    /// <summary>The slot due at <paramref name="now"/> (e.g. a local date), or null when nothing is due.</summary>
    string? DueSlot(DateTimeOffset now, TimeZoneInfo zone);

    Task RunAsync(string slot, CancellationToken cancellationToken);
}
