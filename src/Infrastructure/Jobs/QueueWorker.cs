using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PromoStack.Infrastructure.Observability;

namespace PromoStack.Infrastructure.Jobs;

/// <summary>What became of one claimed item.</summary>
public readonly record struct WorkOutcome(bool Done, string? Error, bool Permanent, DateTimeOffset? ContinueAt = null, bool AlreadyRecorded = false)
{
    public static WorkOutcome Completed { get; } = new(true, null, false);

    /// <summary>Done, and its final status already recorded with the work (e.g. skipped on purpose): nothing more to mark.</summary>
    public static WorkOutcome Settled { get; } = new(true, null, false, AlreadyRecorded: true);

    /// <summary>Not finished, and fine: continue at <paramref name="at"/> (long work done in slices, e.g. a broadcast), keeping its status.</summary>
    public static WorkOutcome ContinueLater(DateTimeOffset at) => new(false, null, false, at);

    /// <summary>Try again after the queue's backoff (or fail for good once its attempts are spent).</summary>
    public static WorkOutcome Retry(string error) => new(false, error, false);

    /// <summary>Retrying cannot help (e.g. Telegram says the chat does not exist).</summary>
    public static WorkOutcome Fail(string error) => new(false, error, true);
}

/// <summary>
/// The loop every queue worker shares: claim a batch; for each item renew its lease unless enough of it is left for
/// the whole processing timeout (so an item never starts on a lease that is about to run out, and a fresh claim costs
/// no extra round trip), process it under a timeout shorter than the lease, then complete it or record the failure.
/// An exception is a retryable failure. Subclasses only say how to process one item.
/// </summary>
public abstract partial class QueueWorker<TId>(WorkQueue workQueue, TimeProvider clock, ILogger logger) : IQueueWorker
{

    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    public abstract QueueDefinition Queue { get; }

    public int BatchSize { get; init; } = 20;

    /// <summary>How many items a run claims: <see cref="BatchSize"/>, unless the queue claims fewer at times.</summary>
    protected virtual int ClaimSize => BatchSize;

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Processing is cancelled this long before the lease runs out, so two workers never hold one item.</summary>
    protected TimeSpan ProcessingTimeout => Lease * 0.8;

    /// <summary>
    /// How many claimed items are processed at once. Only for queues whose claim never hands out two items that must
    /// run in order (the inbox claims at most one update per chat); the default is one at a time.
    /// </summary>
    public virtual int Parallelism => 1;

    /// <summary>
    /// Claims a batch and processes it; the items done are marked completed together at the end (one round trip), the
    /// others are recorded as failed one by one. A crash before that leaves done items to be run again after their
    /// lease, which every queue's processing tolerates (handlings, dedupe keys, idempotent updates).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await workQueue.ClaimAsync<TId>(Queue, ClaimSize, Lease, cancellationToken);
        var done = new ConcurrentBag<ClaimedWork<TId>>();
        if (Parallelism == 1)
        {
            foreach (var work in claimed)
            {
                await RunClaimedAsync(work, done, cancellationToken);
            }
        }
        else
        {
            await Parallel.ForEachAsync(
                claimed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                (work, ct) => RunClaimedAsync(work, done, ct));
        }

        if (!done.IsEmpty)
        {
            var completed = await workQueue.CompleteManyAsync(Queue, done, cancellationToken);
            foreach (var lost in done.Where(w => !completed.Contains(w.Id)))
            {
                LogLeaseLost(Logger, Queue.Table, lost.Id!.ToString()!);
            }
        }

        return claimed.Count;
    }

    private async ValueTask RunClaimedAsync(ClaimedWork<TId> work, ConcurrentBag<ClaimedWork<TId>> done, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Activities.StartActivity($"{Queue.Table} process");
        activity?.SetTag("promostack.queue", Queue.Table);
        activity?.SetTag("promostack.tenant", work.TenantId);
        activity?.SetTag("promostack.attempt", work.Attempts);
        if (await HoldAsync(work, cancellationToken) is not { } held)
        {
            LogLeaseLost(Logger, Queue.Table, work.Id!.ToString()!);
            return;
        }

        var outcome = await ProcessSafelyAsync(held, cancellationToken);
        var result = outcome switch
        {
            { Done: true } => "completed",
            { ContinueAt: not null } => "later",
            { Permanent: true } => "failed",
            _ => Queue.Retry.IsFinal(held.Attempts) ? "failed" : "retry",
        };
        Telemetry.QueueItems.Add(1, Telemetry.Tag("queue", Queue.Table), Telemetry.Tag("outcome", result));
        activity?.SetTag("promostack.outcome", result);
        if (outcome.Error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Error);
        }

        if (outcome.AlreadyRecorded)
        {
            return;
        }

        if (outcome.Done)
        {
            done.Add(held);
        }
        else if (outcome.ContinueAt is { } at)
        {
            if (!await workQueue.ContinueLaterAsync(Queue, held, at, cancellationToken))
            {
                LogLeaseLost(Logger, Queue.Table, held.Id!.ToString()!);
            }
        }
        else if (!await workQueue.FailAsync(Queue, held, outcome.Error!, outcome.Permanent, cancellationToken))
        {
            LogLeaseLost(Logger, Queue.Table, held.Id!.ToString()!);
        }
        else if (outcome.Permanent || Queue.Retry.IsFinal(held.Attempts))
        {
            await GaveUpAsync(held, outcome.Error!, cancellationToken);
        }
    }

    /// <summary>An item failed for good (its attempts spent, or a permanent failure): e.g. tell what depended on it.</summary>
    protected virtual Task GaveUpAsync(ClaimedWork<TId> work, string error, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item with a lease that outlasts its processing timeout with a margin, or null once it is lost.</summary>
    private async Task<ClaimedWork<TId>?> HoldAsync(ClaimedWork<TId> work, CancellationToken cancellationToken) =>
        work.LockedUntil - Clock.GetUtcNow() >= Lease * 0.9
            ? work
            : await workQueue.RenewAsync(Queue, work, Lease, cancellationToken);

    /// <summary>Processes one item; its tenant is <c>work.TenantId</c> (run tenant work through <c>TenantScopes</c>).</summary>
    protected abstract Task<WorkOutcome> ProcessAsync(ClaimedWork<TId> work, CancellationToken cancellationToken);

    private async Task<WorkOutcome> ProcessSafelyAsync(ClaimedWork<TId> work, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProcessingTimeout, Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await ProcessAsync(work, linked.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogItemFailed(Logger, exception, Queue.Table, work.Id!.ToString()!);
            return WorkOutcome.Retry(timeout.IsCancellationRequested
                ? $"Timed out after {ProcessingTimeout.TotalSeconds:F0} s."
                : $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} item {Id}: the lease was lost to another worker; it is theirs now")]
    private static partial void LogLeaseLost(ILogger logger, string queue, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} item {Id} failed; it will be retried")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string queue, string id);
}
