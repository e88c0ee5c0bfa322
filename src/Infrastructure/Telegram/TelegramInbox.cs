using Microsoft.Extensions.DependencyInjection;
using PromoStack.Infrastructure.Persistence;
using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Stores each update once and wakes the inbox worker. Updates arriving together are written together: whoever
/// stores an update becomes a writer if fewer than <see cref="MaxWriters"/> are writing, and a writer takes up to
/// <see cref="MaxBatch"/> waiting updates into one atomic <c>INSERT … ON CONFLICT DO NOTHING</c>. Nothing waits for a
/// batch to fill: a lone update is written at once, and under load one round trip and one commit serve many webhook
/// requests. Each request is answered only after its row is committed. A batch that fails is retried row by row, so
/// one bad update never fails the others. It writes through the shared data source, not a DbContext: setting up a
/// context's services cost more CPU than the insert itself.
/// </summary>
public sealed class TelegramInbox([FromKeyedServices(DatabaseRoles.System)] NpgsqlDataSource database, WorkSignal signal, WebhookLoad load, TimeProvider clock) : ITelegramInbox
{
    public const int MaxWriters = 4;
    public const int MaxBatch = 64;

    private const string InsertSql =
        """
        INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at)
        SELECT t, b, u, c, k, p, 'pending', $7, 0, $7
        FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::jsonb[]) AS x(t, b, u, c, k, p)
        ON CONFLICT (tenant_id, bot_telegram_id, update_id) DO NOTHING
        RETURNING tenant_id, bot_telegram_id, update_id
        """;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private int _writers;

    public async Task<bool> RecordAsync(string tenantId, long botTelegramId, UpdateEnvelope envelope, string json, CancellationToken cancellationToken)
    {
        var pending = new Pending(new Key(tenantId, botTelegramId, envelope.UpdateId), envelope, json);
        _waiting.Enqueue(pending);
        if (TryBecomeWriter())
        {
            // A writer of its own, outside this request's execution context: it writes for whoever is waiting.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        // The row is written whether or not this request is still waiting for it; Telegram re-sending it is harmless.
        return await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes batches while updates wait; a writer that finds none stops, unless one arrived as it stopped.</summary>
    private async Task DrainAsync()
    {
        do
        {
            try
            {
                while (!_waiting.IsEmpty)
                {
                    await WriteWaitingAsync();
                }
            }
            finally
            {
                Interlocked.Decrement(ref _writers);
            }
        }
        while (!_waiting.IsEmpty && TryBecomeWriter());
    }

    private bool TryBecomeWriter()
    {
        var writers = Volatile.Read(ref _writers);
        while (writers < MaxWriters)
        {
            var seen = Interlocked.CompareExchange(ref _writers, writers + 1, writers);
            if (seen == writers)
            {
                return true;
            }

            writers = seen;
        }

        return false;
    }

    private async Task WriteWaitingAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            Settle(batch, await InsertAsync(batch));
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                try
                {
                    Settle([pending], await InsertAsync([pending]));
                }
                catch (Exception exception)
                {
                    pending.Stored.TrySetException(exception);
                }
            }
        }
        catch (Exception exception)
        {
            batch[0].Stored.TrySetException(exception);
        }
    }

    /// <summary>Rows go in key order, so two batches holding the same updates (a re-delivery) never wait on each other in a cycle.</summary>
    private async Task<HashSet<Key>> InsertAsync(List<Pending> batch)
    {
        batch.Sort((a, b) => a.Key.CompareTo(b.Key));
        await using var command = database.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Key.TenantId)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. batch.Select(p => p.Key.BotTelegramId)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. batch.Select(p => p.Key.UpdateId)] });
        command.Parameters.Add(new NpgsqlParameter<long?[]> { TypedValue = [.. batch.Select(p => p.Envelope.ChatId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Envelope.Kind)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>
        {
            TypedValue = [.. batch.Select(p => p.Json)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = WorkQueue.Microseconds(clock.GetUtcNow()) });
        var inserted = new HashSet<Key>();
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            inserted.Add(new Key(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return inserted;
    }

    /// <summary>An update delivered twice in one batch is stored by the first of them; the other is a duplicate.</summary>
    private void Settle(List<Pending> batch, HashSet<Key> inserted)
    {
        var any = inserted.Count > 0;
        foreach (var pending in batch)
        {
            var stored = inserted.Remove(pending.Key);
            if (stored)
            {
                load.Recorded();
            }

            pending.Stored.TrySetResult(stored);
        }

        if (any)
        {
            signal.Notify(Queues.TelegramInbox);
        }
    }

    private readonly record struct Key(string TenantId, long BotTelegramId, long UpdateId) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var byTenant = string.CompareOrdinal(TenantId, other.TenantId);
            if (byTenant != 0)
            {
                return byTenant;
            }

            var byBot = BotTelegramId.CompareTo(other.BotTelegramId);
            return byBot != 0 ? byBot : UpdateId.CompareTo(other.UpdateId);
        }
    }

    private sealed record Pending(Key Key, UpdateEnvelope Envelope, string Json)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
