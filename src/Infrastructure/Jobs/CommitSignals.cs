namespace PromoStack.Infrastructure.Jobs;

/// <summary>
/// Per scope: the queues that got new work in the current transaction, woken once it commits (a worker woken
/// before the commit would find nothing). Workers also poll, so a missed wake-up only costs the poll interval.
/// </summary>
public sealed class CommitSignals(WorkSignal signal)
{
    private readonly HashSet<QueueDefinition> _pending = [];

    public void After(QueueDefinition queue) => _pending.Add(queue);

    public void Committed()
    {
        foreach (var queue in _pending)
        {
            signal.Notify(queue);
        }

        _pending.Clear();
    }
}
