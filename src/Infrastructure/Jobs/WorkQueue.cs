using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using PromoStack.Domain.Common;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Jobs;

/// <summary>One claimed item: its id, its tenant, how often it has been claimed, and the lease that fences it.</summary>
public sealed record ClaimedWork<TId>(TId Id, string TenantId, int Attempts, DateTimeOffset LockedUntil);

/// <summary>
/// The one claim implementation every queue table uses: due rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// under a lease, so any number of app instances can work one table without taking the same row. Renewal,
/// completion and failure are fenced by the lease: a worker whose lease expired (and whose item someone else
/// reclaimed) cannot touch the newer claim. All times are parameters from <see cref="TimeProvider"/>, never SQL
/// <c>now()</c>. Each statement stands alone (no caller's transaction), so it goes straight through the data source:
/// a DbContext per claim and per completion cost more CPU than the statements.
/// </summary>
public sealed class WorkQueue([FromKeyedServices(DatabaseRoles.System)] NpgsqlDataSource database, TimeProvider clock)
{
    /// <param name="scope">
    /// With a queue that has a scope column, claims only the rows of that tenant and value (e.g. one tenant's rows for
    /// one bot: a bot that moved to another tenant never takes the rows its former tenant queued).
    /// </param>
    public async Task<IReadOnlyList<ClaimedWork<TId>>> ClaimAsync<TId>(
        QueueDefinition queue, int batchSize, TimeSpan lease, CancellationToken cancellationToken, (string TenantId, long Value)? scope = null)
    {
        var now = Microseconds(clock.GetUtcNow());
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command(
            queue.Sql.Expire,
            Parameter("abandoned", queue.Abandon?.Status ?? queue.Failed), Parameter("failed", queue.Failed),
            Parameter("claimed", queue.Claimed), Parameter("now", now), Parameter("maxAttempts", queue.Retry.MaxAttempts)));
        batch.BatchCommands.Add(Command(
            queue.Sql.Claim,
            Parameter("pending", queue.Pending), Parameter("claimed", queue.Claimed), Parameter("now", now),
            Parameter("batch", batchSize), Parameter("lockedUntil", Microseconds(now + lease)),
            new NpgsqlParameter("scope", NpgsqlDbType.Bigint) { Value = (object?)scope?.Value ?? DBNull.Value },
            new NpgsqlParameter("scopeTenant", NpgsqlDbType.Varchar) { Value = (object?)scope?.TenantId ?? DBNull.Value }));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedWork<TId>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedWork<TId>(
                reader.GetFieldValue<TId>(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return claimed;
    }

    /// <summary>Extends a held lease from now; null when it was lost (the item is someone else's now).</summary>
    public async Task<ClaimedWork<TId>?> RenewAsync<TId>(QueueDefinition queue, ClaimedWork<TId> work, TimeSpan lease, CancellationToken cancellationToken)
    {
        var lockedUntil = Microseconds(clock.GetUtcNow() + lease);
        var renewed = await ExecuteAsync(
            queue.Sql.Renew, cancellationToken,
            Parameter("lockedUntil", lockedUntil), Parameter("id", work.Id!), Parameter("claimed", queue.Claimed), Parameter("lease", work.LockedUntil));
        return renewed == 1 ? work with { LockedUntil = lockedUntil } : null;
    }

    /// <summary>
    /// Marks a claimed item done, with its result where the queue records one. Returns false when the lease was lost
    /// (the item is someone else's now).
    /// </summary>
    public async Task<bool> CompleteAsync<TId>(QueueDefinition queue, ClaimedWork<TId> work, CancellationToken cancellationToken, long? result = null) =>
        await ExecuteAsync(
            queue.Sql.Complete, cancellationToken,
            Parameter("completed", queue.Completed), Parameter("now", Microseconds(clock.GetUtcNow())),
            Parameter("id", work.Id!), Parameter("claimed", queue.Claimed), Parameter("lease", work.LockedUntil),
            new NpgsqlParameter("result", NpgsqlDbType.Bigint) { Value = (object?)result ?? DBNull.Value }) == 1;

    /// <summary>
    /// Completes the items in one round trip (the queue's result column is left as it is); returns those it completed,
    /// so the caller knows which leases were lost.
    /// </summary>
    public async Task<IReadOnlySet<TId>> CompleteManyAsync<TId>(QueueDefinition queue, IReadOnlyCollection<ClaimedWork<TId>> work, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(queue.Sql.CompleteMany);
        command.Parameters.AddRange(new[]
        {
            Parameter("completed", queue.Completed), Parameter("now", Microseconds(clock.GetUtcNow())), Parameter("claimed", queue.Claimed),
            Parameter("ids", work.Select(w => w.Id).ToArray()), Parameter("leases", work.Select(w => w.LockedUntil).ToArray()),
        });
        var completed = new HashSet<TId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            completed.Add(reader.GetFieldValue<TId>(0));
        }

        return completed;
    }

    /// <summary>
    /// Releases a claimed item until <paramref name="at"/> keeping its in-flight status (its work goes on in slices);
    /// the claim takes it again then. No attempt is spent.
    /// </summary>
    public async Task<bool> ContinueLaterAsync<TId>(QueueDefinition queue, ClaimedWork<TId> work, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            queue.Sql.ContinueLater, cancellationToken,
            Parameter("at", Microseconds(at)), Parameter("id", work.Id!), Parameter("claimed", queue.Claimed), Parameter("lease", work.LockedUntil)) == 1;

    /// <summary>Puts a claimed item back until <paramref name="until"/> without spending an attempt.</summary>
    public async Task<bool> PostponeAsync<TId>(QueueDefinition queue, ClaimedWork<TId> work, DateTimeOffset until, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            queue.Sql.Postpone, cancellationToken,
            Parameter("pending", queue.Pending), Parameter("until", Microseconds(until)), Parameter("id", work.Id!),
            Parameter("claimed", queue.Claimed), Parameter("lease", work.LockedUntil)) == 1;

    /// <summary>
    /// Settles a claimed item whose work may have happened although it failed (an at-most-once call that timed out
    /// after it may have reached the other side) in the queue's abandoned status: never run again. False when the
    /// lease was lost.
    /// </summary>
    public async Task<bool> AbandonAsync<TId>(QueueDefinition queue, ClaimedWork<TId> work, string reason, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            queue.Sql.Abandon, cancellationToken,
            Parameter("abandoned", queue.Abandon?.Status ?? throw new InvalidOperationException($"{queue.Table} has no abandoned status.")),
            Parameter("error", Truncate(reason)), Parameter("id", work.Id!), Parameter("claimed", queue.Claimed), Parameter("lease", work.LockedUntil)) == 1;

    /// <summary>
    /// Records a failed attempt: the item goes back to pending after the queue's exponential backoff with jitter,
    /// or, once its attempts are spent (or when <paramref name="permanent"/>), to the failed status with its reason.
    /// Returns false when the lease was lost.
    /// </summary>
    public async Task<bool> FailAsync<TId>(
        QueueDefinition queue, ClaimedWork<TId> work, string error, bool permanent, CancellationToken cancellationToken)
    {
        var now = Microseconds(clock.GetUtcNow());
        var final = permanent || queue.Retry.IsFinal(work.Attempts);
        var retryAt = final ? now : Microseconds(now + queue.Retry.DelayAfter(work.Attempts, 0.5 + (Random.Shared.NextDouble() / 2)));
        return await ExecuteAsync(
            queue.Sql.Fail, cancellationToken,
            Parameter("status", final ? queue.Failed : queue.Pending), Parameter("error", Truncate(error)),
            Parameter("retryAt", retryAt), Parameter("id", work.Id!), Parameter("claimed", queue.Claimed),
            Parameter("lease", work.LockedUntil)) == 1;
    }

    /// <summary>PostgreSQL keeps microseconds; leases are compared for equality, so they are truncated the same way.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static string Truncate(string error) => TextCut.AtMost(error, 2000);

    private static NpgsqlParameter Parameter(string name, object value) => new(name, value);
}
