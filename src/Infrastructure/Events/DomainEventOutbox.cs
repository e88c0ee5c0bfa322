using PromoStack.Domain.Common;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Events;

/// <summary>
/// Per scope: turns raised events into rows to store with the change, and wakes the dispatcher once they have
/// committed (the dispatcher also polls, so an event is never missed if a wake-up is).
/// </summary>
public sealed class DomainEventOutbox(WorkSignal signal, TimeProvider clock)
{
    private bool _recorded;

    public IReadOnlyList<DomainEventRecord> Record(IEnumerable<IDomainEvent> events)
    {
        var now = clock.GetUtcNow();
        var records = events.Select(e => DomainEventRecord.Create(e.TenantId, DomainEventTypes.NameOf(e), DomainEventTypes.Serialize(e), now)).ToList();
        _recorded |= records.Count > 0;
        return records;
    }

    public void NotifyCommitted()
    {
        if (_recorded)
        {
            _recorded = false;
            signal.Notify(Queues.DomainEvents);
        }
    }
}
