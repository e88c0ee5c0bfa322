using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.CrossPromo;

/// <summary>Stored as <c>pending</c>, <c>claimed</c>, <c>completed</c>, <c>failed</c>, <c>skipped</c>.</summary>
public enum CrossPromoJobStatus
{
    Pending,
    Claimed,
    Completed,
    Failed,
    Skipped,
}

/// <summary>A cross-promotion post into the FREE channel (<c>morning_news</c>, <c>vip_teaser</c>, <c>winning_signal</c>).</summary>
public sealed class CrossPromoJob : WorkItem, ITenantOwned
{
    public static readonly StateMachine<CrossPromoJobStatus> Transitions = new("Cross-promo job",
    [
        (CrossPromoJobStatus.Pending, [CrossPromoJobStatus.Claimed, CrossPromoJobStatus.Skipped]),
        (CrossPromoJobStatus.Claimed,
            [CrossPromoJobStatus.Completed, CrossPromoJobStatus.Failed, CrossPromoJobStatus.Pending, CrossPromoJobStatus.Skipped]),
    ]);

    private CrossPromoJob(string tenantId, string jobType, string payload, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        JobType = jobType;
        Payload = payload;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string JobType { get; private set; }
    public string Payload { get; private set; }
    public CrossPromoJobStatus Status { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public const string MorningNews = "morning_news";
    public const string VipTeaser = "vip_teaser";
    public const string WinningSignal = "winning_signal";

    /// <summary>Not posted, on purpose (missed beyond the catch-up window, nothing to report, the daily cap): why, kept in <c>last_error</c>.</summary>
    public void Skip(string reason, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, CrossPromoJobStatus.Skipped);
        Status = CrossPromoJobStatus.Skipped;
        RecordSkip(reason);
        CompletedAt = now;
    }

    public static CrossPromoJob Schedule(
        string tenantId, string jobType, string payloadJson, DateTimeOffset dueAt, string dedupeKey, DateTimeOffset now)
    {
        var job = new CrossPromoJob(tenantId, Guard.NotBlank(jobType, "Job type", 50), payloadJson, now);
        job.InitializeWork(dueAt, dedupeKey);
        return job;
    }
}
