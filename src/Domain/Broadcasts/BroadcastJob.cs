using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.Broadcasts;

/// <summary>Stored as <c>pending</c>, <c>processing</c>, <c>completed</c>, <c>cancelled</c>, <c>failed</c>.</summary>
public enum BroadcastJobStatus
{
    Pending,
    Processing,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>A message to an audience of a tenant's bot users, sent at Telegram's rate limits.</summary>
public sealed class BroadcastJob : WorkItem, ITenantOwned
{
    public const int MessageMaxLength = 4096;

    public static readonly StateMachine<BroadcastJobStatus> Transitions = new("Broadcast",
    [
        (BroadcastJobStatus.Pending, [BroadcastJobStatus.Processing, BroadcastJobStatus.Cancelled]),
        (BroadcastJobStatus.Processing,
            [BroadcastJobStatus.Completed, BroadcastJobStatus.Cancelled, BroadcastJobStatus.Pending, BroadcastJobStatus.Failed]),
    ]);

    private BroadcastJob(string tenantId, string message, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Message = message;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string Message { get; private set; }
    public BroadcastJobStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static BroadcastJob Create(string tenantId, string message, DateTimeOffset dueAt, string? dedupeKey, DateTimeOffset now)
    {
        var job = new BroadcastJob(tenantId, Guard.NotBlank(message, "Message", MessageMaxLength), now);
        job.InitializeWork(dueAt, dedupeKey);
        return job;
    }

    /// <summary>Stops a broadcast that has not finished; recipients not yet reached are not sent to.</summary>
    public void Cancel(DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, BroadcastJobStatus.Cancelled);
        Status = BroadcastJobStatus.Cancelled;
        CompletedAt = now;
    }
}
