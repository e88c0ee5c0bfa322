using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// One atomic insert-once per (tenant, event id) in the caller's transaction: a concurrent second delivery waits for the
/// first to commit, then finds the id taken and applies nothing; the same event for another tenant is its own.
/// </summary>
public sealed class WebhookEventLedger(AppDbContext db, ITenantContext tenant) : IWebhookEventLedger
{
    public async Task<bool> TryRecordAsync(string eventId, string eventType, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO processed_webhook_events (event_id, tenant_id, event_type, processed_at, outcome) VALUES (@id, @tenant, @type, @now, 'applied') ON CONFLICT (tenant_id, event_id) DO NOTHING",
            [new NpgsqlParameter("id", eventId), new NpgsqlParameter("tenant", tenant.RequiredTenantId), new NpgsqlParameter("type", eventType),
                new NpgsqlParameter("now", Jobs.WorkQueue.Microseconds(now))],
            cancellationToken) == 1;

    public async Task MarkIgnoredAsync(string eventId, string reason, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE processed_webhook_events SET outcome = 'ignored', reason = @reason WHERE tenant_id = @tenant AND event_id = @id",
            [new NpgsqlParameter("id", eventId), new NpgsqlParameter("tenant", tenant.RequiredTenantId), new NpgsqlParameter("reason", reason)],
            cancellationToken);
}
