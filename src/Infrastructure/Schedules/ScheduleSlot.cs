using PromoStack.Domain.Common;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>
/// A claimed run of a periodic job. The primary key (job, tenant, slot) decides which app instance runs it; a
/// platform-wide job uses an empty tenant. A system table, written only by <see cref="ScheduleRunner"/> in SQL.
/// </summary>
public sealed class ScheduleSlot : IGlobalEntity
{
    private ScheduleSlot(string job, string tenantId, string slot)
    {
        Job = job;
        TenantId = tenantId;
        Slot = slot;
    }

    public string Job { get; private set; }
    public string TenantId { get; private set; }
    public string Slot { get; private set; }
    public DateTimeOffset ClaimedAt { get; private set; }
    public DateTimeOffset LockedUntil { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
}
