using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.Journeys;

/// <summary>Stored as <c>pending</c>, <c>sent</c>, <c>failed</c>, <c>cancelled</c>.</summary>
public enum ScheduledMessageStatus
{
    Pending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>A journey step due later (after a delay or a reply timeout). Claimed while pending under a lease.</summary>
public sealed class JourneyScheduledMessage : WorkItem, ITenantOwned
{
    public static readonly StateMachine<ScheduledMessageStatus> Transitions = new("Scheduled message",
    [
        (ScheduledMessageStatus.Pending, [ScheduledMessageStatus.Sent, ScheduledMessageStatus.Failed, ScheduledMessageStatus.Cancelled]),
    ]);

    private JourneyScheduledMessage(
        Guid id, string tenantId, Guid sessionId, Guid? stepId, long telegramChatId, string messageContent, DateTimeOffset scheduledFor)
    {
        Id = id;
        TenantId = tenantId;
        SessionId = sessionId;
        StepId = stepId;
        TelegramChatId = telegramChatId;
        MessageContent = messageContent;
        ScheduledFor = scheduledFor;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public Guid SessionId { get; private set; }
    /// <summary>The step it was set at; null once an edit removed that step.</summary>
    public Guid? StepId { get; private set; }
    public long TelegramChatId { get; private set; }
    public string MessageContent { get; private set; }
    public DateTimeOffset ScheduledFor { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public ScheduledMessageStatus Status { get; private set; }

    public static JourneyScheduledMessage Schedule(
        string tenantId, Guid sessionId, Guid stepId, long chatId, string contentJson, DateTimeOffset scheduledFor, string dedupeKey)
    {
        var message = new JourneyScheduledMessage(Guid.CreateVersion7(), tenantId, sessionId, stepId, chatId, contentJson, scheduledFor);
        message.InitializeWork(scheduledFor, dedupeKey);
        return message;
    }

    public void Cancel()
    {
        Transitions.EnsureCanMove(Status, ScheduledMessageStatus.Cancelled);
        Status = ScheduledMessageStatus.Cancelled;
    }
}
