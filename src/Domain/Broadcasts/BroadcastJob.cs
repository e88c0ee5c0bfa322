using PromoStack.Domain.Common;
using PromoStack.Domain.Connections;
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

/// <summary>
/// Stored as <c>all</c>, <c>vip</c>, <c>free_leads</c>, <c>coupon_users</c>: every user the message bot can reach,
/// active VIP subscribers, free leads who never paid (all through the message bot), or the coupon bot's users
/// (through the coupon bot, the bot they talked to).
/// </summary>
public enum BroadcastAudience
{
    All,
    Vip,
    FreeLeads,
    CouponUsers,
}

/// <summary>Stored as <c>pending</c>, <c>queued</c>, <c>sent</c>, <c>failed</c>, <c>blocked</c>, <c>skipped</c>.</summary>
public enum DeliveryStatus
{
    Pending,
    Queued,
    Sent,
    Failed,
    Blocked,
    Skipped,
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
    public BroadcastAudience Audience { get; private set; }

    /// <summary>A photo (URL or Telegram file id) sent with <see cref="Message"/> as its caption.</summary>
    public string? Photo { get; private set; }

    /// <summary>URL buttons as JSON (<c>[{"text","url"}]</c>), or null.</summary>
    public string? Buttons { get; private set; }

    /// <summary>When its recipients were fixed (the audience at that moment); null before.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public int? Recipients { get; private set; }

    /// <summary>The bot the audience talked to, which sends the broadcast.</summary>
    public BotRole Sender => Audience == BroadcastAudience.CouponUsers ? BotRole.CouponBot : BotRole.MessageBot;

    public static BroadcastJob Create(string tenantId, string message, DateTimeOffset dueAt, string? dedupeKey, DateTimeOffset now) =>
        Create(tenantId, message, BroadcastAudience.All, null, null, dueAt, dedupeKey, now);

    public static BroadcastJob Create(
        string tenantId, string message, BroadcastAudience audience, string? photo, string? buttonsJson, DateTimeOffset dueAt, string? dedupeKey, DateTimeOffset now)
    {
        var job = new BroadcastJob(tenantId, Guard.NotBlank(message, "Message", MessageMaxLength), now) { Audience = audience, Photo = photo, Buttons = buttonsJson };
        job.InitializeWork(dueAt, dedupeKey);
        return job;
    }

    /// <summary>
    /// How many a broadcast imported from another system reached and missed: that system kept counts, not deliveries.
    /// Null for the broadcasts PromoStack sends (their deliveries are counted).
    /// </summary>
    public int? ImportedSent { get; private set; }

    /// <inheritdoc cref="ImportedSent"/>
    public int? ImportedFailed { get; private set; }

    public bool IsFinished => Status is BroadcastJobStatus.Completed or BroadcastJobStatus.Cancelled or BroadcastJobStatus.Failed;

    /// <summary>A finished broadcast of another system, as history: it is never sent here.</summary>
    public static BroadcastJob Imported(
        string tenantId, string message, BroadcastJobStatus status, DateTimeOffset createdAt, DateTimeOffset? completedAt, int? recipients, int sent, int failed)
    {
        if (!Transitions.IsTerminal(status))
        {
            throw new DomainException("Only a finished broadcast (completed, cancelled or failed) is history.");
        }

        if (sent < 0 || failed < 0 || recipients < 0)
        {
            throw new DomainException("A broadcast's counts are not negative.");
        }

        var job = new BroadcastJob(tenantId, Guard.NotBlank(message, "Message", MessageMaxLength), createdAt)
        {
            Status = status, StartedAt = createdAt, CompletedAt = completedAt ?? createdAt, Recipients = recipients, ImportedSent = sent, ImportedFailed = failed,
        };
        job.InitializeWork(createdAt, null);
        return job;
    }

    /// <summary>The recipients are fixed: from now on the broadcast goes to exactly these.</summary>
    public void FixRecipients(int count, DateTimeOffset now)
    {
        if (StartedAt is not null)
        {
            throw new DomainException("The broadcast's recipients are already fixed.");
        }

        Recipients = count;
        StartedAt = now;
    }

    /// <summary>Stops a broadcast that has not finished; recipients not yet reached are not sent to.</summary>
    public void Cancel(DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, BroadcastJobStatus.Cancelled);
        Status = BroadcastJobStatus.Cancelled;
        CompletedAt = now;
    }
}

/// <summary>One recipient of a broadcast: queued once (dedupe key per broadcast and chat), then its outcome.</summary>
public sealed class BroadcastDelivery : ITenantOwned
{
    private BroadcastDelivery(string tenantId, int broadcastId, long chatId, DateTimeOffset updatedAt)
    {
        TenantId = tenantId;
        BroadcastId = broadcastId;
        ChatId = chatId;
        UpdatedAt = updatedAt;
    }

    public string TenantId { get; private set; }
    public int BroadcastId { get; private set; }
    public long ChatId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public long? OutboxId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static BroadcastDelivery For(BroadcastJob broadcast, long chatId, DateTimeOffset now) => new(broadcast.TenantId, broadcast.Id, chatId, now);

    public void Queued(long outboxId, DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Pending)
        {
            throw new InvalidTransitionException("Delivery", Status.ToString(), DeliveryStatus.Queued.ToString());
        }

        Status = DeliveryStatus.Queued;
        OutboxId = outboxId;
        UpdatedAt = now;
    }
}
