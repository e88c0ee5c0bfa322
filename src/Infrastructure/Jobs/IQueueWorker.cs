namespace PromoStack.Infrastructure.Jobs;

/// <summary>
/// A worker of one queue. The host calls <see cref="RunOnceAsync"/> in a loop when workers are enabled; tests call
/// it directly instead of racing a background loop.
/// </summary>
public interface IQueueWorker
{
    QueueDefinition Queue { get; }

    /// <summary>Claims and processes one batch of due items; returns how many were claimed.</summary>
    Task<int> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>After its loop stopped on shutdown: give up what this instance holds so another takes over at once.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
