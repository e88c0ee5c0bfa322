using System.Collections.Concurrent;

namespace PromoStack.Infrastructure.Jobs;

/// <summary>Wakes the worker of a queue early when new work has committed; workers also poll on their interval.</summary>
public sealed class WorkSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new();

    /// <remarks>
    /// Every commit that queues work notifies, so most notifications find the queue already signalled: they return
    /// without touching the semaphore (a full semaphore's <c>Release</c> throws, and an exception per commit cost
    /// measurable CPU under webhook load). Only two notifiers racing past the check can still meet the full semaphore.
    /// </remarks>
    public void Notify(QueueDefinition queue)
    {
        var signal = For(queue);
        if (signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another notifier got there first: one wake-up covers any number of notifications.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first; true when notified.</summary>
    public Task<bool> WaitAsync(QueueDefinition queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        For(queue).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(QueueDefinition queue) => _signals.GetOrAdd(queue.Table, _ => new SemaphoreSlim(0, 1));
}
