using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>Stores each update once, with one atomic statement, and wakes the inbox worker.</summary>
public sealed class TelegramInbox(AppDbContext db, WorkSignal signal, TimeProvider clock) : ITelegramInbox
{
    private const string InsertSql =
        """
        INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at)
        VALUES (@tenant, @bot, @update, @chat, @kind, @payload, 'pending', @now, 0, @now)
        ON CONFLICT (tenant_id, bot_telegram_id, update_id) DO NOTHING
        """;

    public async Task<bool> RecordAsync(string tenantId, long botTelegramId, UpdateEnvelope envelope, string json, CancellationToken cancellationToken)
    {
        var now = WorkQueue.Microseconds(clock.GetUtcNow());
        var inserted = await db.Database.ExecuteSqlRawAsync(
            InsertSql,
            [
                new NpgsqlParameter("tenant", tenantId), new NpgsqlParameter("bot", botTelegramId), new NpgsqlParameter("update", envelope.UpdateId),
                new NpgsqlParameter("chat", (object?)envelope.ChatId ?? DBNull.Value) { NpgsqlDbType = NpgsqlDbType.Bigint },
                new NpgsqlParameter("kind", envelope.Kind), new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = json },
                new NpgsqlParameter("now", now),
            ],
            cancellationToken) == 1;
        if (inserted)
        {
            signal.Notify(Queues.TelegramInbox);
        }

        return inserted;
    }
}
