namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// The tenants a per-tenant <see cref="IScheduledJob"/> runs for. The runner reads an audience once per tick for all
/// tenants together, so a tenant for whom a job would do nothing costs neither a slot row nor a run.
/// </summary>
public enum ScheduleAudience
{
    /// <summary>Every tenant.</summary>
    EveryTenant,

    /// <summary>Tenants whose signal engine is switched on (forex setting <c>enabled</c>).</summary>
    SignalEngineOn,

    /// <summary>Tenants with an open signal (active, or with TP1 or TP2 hit).</summary>
    OpenSignals,
}
