using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;

namespace PromoStack.Infrastructure.Events;

/// <summary>Stored as <c>pending</c>, <c>dispatched</c>, <c>failed</c>.</summary>
public enum DomainEventStatus
{
    Pending,
    Dispatched,
    Failed,
}

/// <summary>A domain event stored with the change that raised it, waiting to be dispatched to its handlers.</summary>
public sealed class DomainEventRecord : WorkItem, ITenantOwned
{
    private DomainEventRecord(Guid id, string tenantId, string eventType, string payload, DateTimeOffset occurredAt)
    {
        Id = id;
        TenantId = tenantId;
        EventType = eventType;
        Payload = payload;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public string EventType { get; private set; }
    public string Payload { get; private set; }
    public DomainEventStatus Status { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }

    public static DomainEventRecord Create(string tenantId, string eventType, string payload, DateTimeOffset now)
    {
        var record = new DomainEventRecord(Guid.CreateVersion7(now), tenantId, eventType, payload, now);
        record.InitializeWork(now, dedupeKey: null);
        return record;
    }
}

/// <summary>Proof that one handler has handled one event; committed with the handler's own effects.</summary>
public sealed class DomainEventHandling : ITenantOwned
{
    private DomainEventHandling(Guid eventId, string handler, string tenantId, DateTimeOffset handledAt)
    {
        EventId = eventId;
        Handler = handler;
        TenantId = tenantId;
        HandledAt = handledAt;
    }

    public Guid EventId { get; private set; }
    public string Handler { get; private set; }
    public string TenantId { get; private set; }
    public DateTimeOffset HandledAt { get; private set; }

    public static DomainEventHandling Record(Guid eventId, string handler, string tenantId, DateTimeOffset now) =>
        new(eventId, handler, tenantId, now);
}
