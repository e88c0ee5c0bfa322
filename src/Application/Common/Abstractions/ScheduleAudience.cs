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

    /// <summary>Tenants that have ever had a signal (a recap has something to sum up).</summary>
    AnySignals,

    /// <summary>Tenants whose cross-promotion is switched on.</summary>
    CrossPromoOn,

    /// <summary>Tenants with a campaign that may move on by date (published and not started, or running).</summary>
    LiveCampaigns,

    /// <summary>Tenants with coupon renders kept.</summary>
    CouponRenders,
}
