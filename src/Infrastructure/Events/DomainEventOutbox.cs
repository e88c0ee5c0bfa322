using PromoStack.Domain.Common;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Events;

/// <summary>Per scope: turns raised events into rows to store with the change; the dispatcher is woken after commit.</summary>
public sealed class DomainEventOutbox(CommitSignals signals, TimeProvider clock)
{
    public IReadOnlyList<DomainEventRecord> Record(IEnumerable<IDomainEvent> events)
    {
        var now = clock.GetUtcNow();
        var records = events.Select(e => DomainEventRecord.Create(e.TenantId, DomainEventTypes.NameOf(e), DomainEventTypes.Serialize(e), now)).ToList();
        if (records.Count > 0)
        {
            signals.After(Queues.DomainEvents);
        }

        return records;
    }
}
