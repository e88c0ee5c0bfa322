using System.Collections.Concurrent;

namespace PromoStack.Infrastructure.Jobs;

/// <summary>Wakes the worker of a queue early when new work has committed; workers also poll on their interval.</summary>
public sealed class WorkSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new();

    public void Notify(QueueDefinition queue)
    {
        try
        {
            For(queue).Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of notifications.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first; true when notified.</summary>
    public Task<bool> WaitAsync(QueueDefinition queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        For(queue).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(QueueDefinition queue) => _signals.GetOrAdd(queue.Table, _ => new SemaphoreSlim(0, 1));
}
