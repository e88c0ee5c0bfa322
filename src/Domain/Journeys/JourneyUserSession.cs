using PromoStack.Domain.Common;

namespace PromoStack.Domain.Journeys;

/// <summary>Stored as <c>active</c>, <c>waiting_delay</c>, <c>awaiting_reply</c>, <c>completed</c>, <c>ended</c>, <c>failed</c>.</summary>
public enum JourneySessionStatus
{
    Active,
    WaitingDelay,
    AwaitingReply,
    Completed,
    Ended,
    Failed,
}

/// <summary>One chat's progress through one journey.</summary>
public sealed class JourneyUserSession : ITenantOwned
{
    public static readonly StateMachine<JourneySessionStatus> Transitions = new("Journey session",
    [
        (JourneySessionStatus.Active,
            [JourneySessionStatus.WaitingDelay, JourneySessionStatus.AwaitingReply, JourneySessionStatus.Completed,
                JourneySessionStatus.Ended, JourneySessionStatus.Failed]),
        (JourneySessionStatus.WaitingDelay, [JourneySessionStatus.Active, JourneySessionStatus.Ended, JourneySessionStatus.Failed]),
        (JourneySessionStatus.AwaitingReply, [JourneySessionStatus.Active, JourneySessionStatus.Ended, JourneySessionStatus.Failed]),
    ]);

    private JourneyUserSession(
        Guid id, string tenantId, Guid journeyId, long telegramChatId, long telegramUserId, Guid? currentStepId, DateTimeOffset startedAt)
    {
        Id = id;
        TenantId = tenantId;
        JourneyId = journeyId;
        TelegramChatId = telegramChatId;
        TelegramUserId = telegramUserId;
        CurrentStepId = currentStepId;
        Answers = "{}";
        StartedAt = startedAt;
        LastActivityAt = startedAt;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public Guid JourneyId { get; private set; }
    public long TelegramChatId { get; private set; }
    public long TelegramUserId { get; private set; }
    public Guid? CurrentStepId { get; private set; }
    public JourneySessionStatus Status { get; private set; }
    public string Answers { get; private set; }
    public string? EndReason { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsRunning => !Transitions.IsTerminal(Status);

    public static JourneyUserSession Start(
        string tenantId, Guid journeyId, long chatId, long userId, Guid? firstStepId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, journeyId, chatId, userId, firstStepId, now);

    public void WaitForDelay(DateTimeOffset now) => Move(JourneySessionStatus.WaitingDelay, now);

    public void AwaitReply(DateTimeOffset now) => Move(JourneySessionStatus.AwaitingReply, now);

    public void Resume(Guid? stepId, DateTimeOffset now)
    {
        Move(JourneySessionStatus.Active, now);
        CurrentStepId = stepId;
    }

    public void AdvanceTo(Guid stepId, DateTimeOffset now)
    {
        if (Status != JourneySessionStatus.Active)
        {
            throw new InvalidTransitionException("Journey session", Status.ToString(), "next step");
        }

        CurrentStepId = stepId;
        LastActivityAt = now;
    }

    public void RecordAnswers(string answersJson, DateTimeOffset now)
    {
        Answers = answersJson;
        LastActivityAt = now;
    }

    public void Complete(DateTimeOffset now)
    {
        Move(JourneySessionStatus.Completed, now);
        CompletedAt = now;
    }

    /// <summary>Ends the session early: timeout, inactivity, step removed, journey stopped.</summary>
    public void End(string reason, DateTimeOffset now)
    {
        Move(JourneySessionStatus.Ended, now);
        EndReason = reason;
        CompletedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Move(JourneySessionStatus.Failed, now);
        EndReason = reason;
        CompletedAt = now;
    }

    private void Move(JourneySessionStatus to, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, to);
        Status = to;
        LastActivityAt = now;
    }
}
