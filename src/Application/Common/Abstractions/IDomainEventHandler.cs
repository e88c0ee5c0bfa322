using PromoStack.Domain.Common;

namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// Reacts to a domain event after the transaction that raised it has committed. It runs in its own scope and
/// transaction with the event's tenant set, is retried until it succeeds, and runs at most once per event: its
/// effects and the record that it ran commit together.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
