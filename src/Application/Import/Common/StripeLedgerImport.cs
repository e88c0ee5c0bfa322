using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Import;

/// <summary>
/// The Stripe events the original already applied, so a delivery of one after the switch is acknowledged as a
/// duplicate. The original wrote them under a <c>stripe</c> pseudo-tenant (its one webhook), and its older ledger
/// had no tenant at all: every tenant imported receives them. That is safe because Stripe's event ids are unique
/// across all accounts: an id recorded for a tenant that never saw it can never suppress another event.
/// </summary>
internal static class StripeLedgerImport
{
    public static async Task RunAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        var seen = session.Merge
            ? (await session.Db.ProcessedWebhookEvents.AsNoTracking().Select(e => e.EventId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, filter) in new[]
                 {
                     ("processed_webhook_events", SourceFilter.Tenant(session.SourceTenantId)),
                     ("processed_webhook_events", SourceFilter.Tenant("stripe")),
                     ("processed_webhook_events_old", SourceFilter.All),
                 })
        {
            await foreach (var row in session.RowsAsync(table, "processed_webhook_events", filter, cancellationToken))
            {
                var eventId = row.Text("event_id");
                if (eventId is null || !seen.Add(eventId))
                {
                    session.Skip(row, "processed_webhook_events", "the same event id recorded twice (old and new ledger, or already here)");
                    continue;
                }

                var recorded = ProcessedWebhookEvent.Record(eventId, session.TenantId, row.Text("event_type") ?? "imported", row.Time("processed_at") ?? session.Now);
                await session.AddAsync(row, eventId, recorded, "processed_webhook_events", e => e.EventId, cancellationToken);
            }
        }
    }
}
