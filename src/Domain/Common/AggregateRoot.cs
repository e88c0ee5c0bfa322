namespace PromoStack.Domain.Common;

/// <summary>
/// An entity that raises domain events. Events are raised as factories because a new row's identity column is
/// only known once the database has inserted it; they are evaluated after the insert, inside the same transaction.
/// Read only the identity late: capture every other value when raising, or a later change in the same unit of work
/// would leak into the event.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<Func<IDomainEvent>> _pendingEvents = [];

    protected void Raise(Func<IDomainEvent> @event) => _pendingEvents.Add(@event);

    public bool HasPendingEvents => _pendingEvents.Count > 0;

    /// <summary>
    /// Forgets the events raised so far: a history replayed from another system (an import) is facts that already
    /// happened there, and nothing may react to them again (no invite sent, no message posted).
    /// </summary>
    public void DiscardEvents() => _pendingEvents.Clear();

    public IReadOnlyList<IDomainEvent> DequeueEvents()
    {
        var events = _pendingEvents.Select(factory => factory()).ToList();
        _pendingEvents.Clear();
        return events;
    }
}
