using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Observability;

/// <summary>One queue's backlog: its unfinished items and how long the oldest due one has waited (0 when none is due).</summary>
public sealed record QueueBacklogEntry(string Queue, long Depth, double OldestDueSeconds);

/// <summary>
/// The backlog of every queue over all tenants (a system read: one statement, each part served by the queue's claim
/// index), sampled now and then and kept for the metrics' gauges and the readiness check.
/// </summary>
public sealed class QueueBacklog([FromKeyedServices(DatabaseRoles.System)] NpgsqlDataSource database, TimeProvider clock)
{
    private static readonly string Sql = string.Join(
        "\nUNION ALL\n",
        Queues.All.Select(q =>
            $"SELECT '{q.Table}' AS queue, count(*) AS depth, " +
            $"coalesce(extract(epoch FROM @now - min(next_attempt_at) FILTER (WHERE status = '{q.Pending}' AND next_attempt_at <= @now)), 0)::float8 AS oldest " +
            $"FROM {q.Table} WHERE status IN ('{q.Pending}', '{q.Claimed}')"));

    private static volatile IReadOnlyList<QueueBacklogEntry> _latest = [];

    private readonly SemaphoreSlim _sampling = new(1, 1);
    private DateTimeOffset _sampledAt = DateTimeOffset.MinValue;

    /// <summary>The last sample taken in this process (empty before the first).</summary>
    public static IReadOnlyList<QueueBacklogEntry> Latest => _latest;

    /// <summary>A sample no older than <paramref name="maxAge"/>: the last one, or a new one read now.</summary>
    public async Task<IReadOnlyList<QueueBacklogEntry>> GetAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await _sampling.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (now - _sampledAt <= maxAge)
            {
                return _latest;
            }

            var entries = new List<QueueBacklogEntry>(Queues.All.Count);
            await using var command = database.CreateCommand(Sql);
            command.Parameters.Add(new NpgsqlParameter("now", WorkQueue.Microseconds(now)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new QueueBacklogEntry(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
            }

            _latest = entries;
            _sampledAt = now;
            return entries;
        }
        finally
        {
            _sampling.Release();
        }
    }
}
