using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Subscriptions;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Events;

/// <summary>
/// Reads a subscription's events from <c>domain_events</c>: the types whose payload carries a <c>subscriptionId</c>,
/// matched by JSON containment on the payload, scoped to the tenant by the context's filter.
/// </summary>
public sealed class SubscriptionEventLog(AppDbContext db) : ISubscriptionEventLog
{
    private static readonly List<string> SubscriptionEventTypes =
        [.. DomainEventTypes.All.Where(t => t.GetProperty("SubscriptionId")?.PropertyType == typeof(int)).Select(t => t.Name).Order(StringComparer.Ordinal)];

    public async Task<IReadOnlyList<RecordedSubscriptionEvent>> ListAsync(int subscriptionId, int limit, CancellationToken cancellationToken)
    {
        var about = JsonSerializer.Serialize(new { subscriptionId }, DomainEventTypes.Json);
        var rows = await db.DomainEvents.AsNoTracking()
            .Where(e => SubscriptionEventTypes.Contains(e.EventType) && EF.Functions.JsonContains(e.Payload, about))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(limit)
            .Select(e => new { e.EventType, e.Payload, e.OccurredAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RecordedSubscriptionEvent(r.OccurredAt, DomainEventTypes.Deserialize(r.EventType, r.Payload)))];
    }
}
