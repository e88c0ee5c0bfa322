using PromoStack.Domain.Common;

namespace PromoStack.Domain.Jobs;

/// <summary>
/// A row of a durable queue table. Every queue table carries the same claim columns; the claim itself
/// (<c>FOR UPDATE SKIP LOCKED</c> with a lease) is done by one shared implementation in Infrastructure, and each
/// table keeps its own status values, mapped once in its queue definition.
/// </summary>
public abstract class WorkItem
{
    public const int DedupeKeyMaxLength = 200;

    /// <summary>How many times a worker has claimed this item.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not claimed before this instant: the schedule time first, then the retry backoff.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The lease of the worker holding the item; an expired lease may be reclaimed.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Unique per tenant: creating the same piece of work twice is impossible.</summary>
    public string? DedupeKey { get; private set; }

    protected void InitializeWork(DateTimeOffset dueAt, string? dedupeKey)
    {
        if (dedupeKey is { Length: > DedupeKeyMaxLength })
        {
            throw new ArgumentException($"A dedupe key has at most {DedupeKeyMaxLength} characters.", nameof(dedupeKey));
        }

        NextAttemptAt = dueAt;
        DedupeKey = dedupeKey;
    }

    /// <summary>Puts failed work back in the queue for a fresh round of attempts.</summary>
    protected void RescheduleWork(DateTimeOffset dueAt)
    {
        NextAttemptAt = dueAt;
        Attempts = 0;
        LastError = null;
        LockedUntil = null;
    }

    /// <summary>Work settled without being done (skipped on purpose): the reason, and no lease.</summary>
    protected void RecordSkip(string reason)
    {
        LastError = TextCut.AtMost(reason, 2000);
        LockedUntil = null;
    }
}
