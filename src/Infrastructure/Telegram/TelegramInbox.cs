using Npgsql;
using NpgsqlTypes;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Stores each update once, with one atomic statement, and wakes the inbox worker. It writes through the shared
/// data source, not a DbContext: the webhook's only database work is this insert, and setting up a context's
/// services for it cost more CPU than the insert itself.
/// </summary>
public sealed class TelegramInbox(NpgsqlDataSource database, WorkSignal signal, TimeProvider clock) : ITelegramInbox
{
    private const string InsertSql =
        """
        INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at)
        VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, 0, $7)
        ON CONFLICT (tenant_id, bot_telegram_id, update_id) DO NOTHING
        """;

    public async Task<bool> RecordAsync(string tenantId, long botTelegramId, UpdateEnvelope envelope, string json, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = botTelegramId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = envelope.UpdateId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)envelope.ChatId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = envelope.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = WorkQueue.Microseconds(clock.GetUtcNow()) });
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (inserted)
        {
            signal.Notify(Queues.TelegramInbox);
        }

        return inserted;
    }
}
