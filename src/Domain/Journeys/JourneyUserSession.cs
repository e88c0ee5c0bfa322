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

    /// <summary>
    /// How many steps this session has passed: each step's messages and timers are keyed by it, so a step visited
    /// again (a branch back) sends again, and a timer set for an earlier position does nothing when it falls due.
    /// </summary>
    public int StepsTaken { get; private set; }

    /// <summary>Invalid answers given to the current question.</summary>
    public int RetryCount { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsRunning => !Transitions.IsTerminal(Status);

    public static JourneyUserSession Start(
        string tenantId, Guid journeyId, long chatId, long userId, Guid? firstStepId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, journeyId, chatId, userId, firstStepId, now);

    public void WaitForDelay(DateTimeOffset now) => Move(JourneySessionStatus.WaitingDelay, now);

    public void AwaitReply(DateTimeOffset now) => Move(JourneySessionStatus.AwaitingReply, now);

    /// <summary>The wait is over (delay due, reply given, timeout): on to <paramref name="stepId"/>.</summary>
    public void Resume(Guid? stepId, DateTimeOffset now)
    {
        Move(JourneySessionStatus.Active, now);
        Passed(stepId);
    }

    /// <summary>An invalid answer to the current question; true while the user may try again.</summary>
    public bool RecordInvalidAnswer(int maxRetries, DateTimeOffset now)
    {
        if (Status != JourneySessionStatus.AwaitingReply)
        {
            throw new InvalidTransitionException("Journey session", Status.ToString(), "invalid answer");
        }

        RetryCount++;
        LastActivityAt = now;
        return RetryCount <= maxRetries;
    }

    /// <summary>The current step is done (a message sent): on to <paramref name="stepId"/>.</summary>
    public void AdvanceTo(Guid stepId, DateTimeOffset now)
    {
        if (Status != JourneySessionStatus.Active)
        {
            throw new InvalidTransitionException("Journey session", Status.ToString(), "next step");
        }

        Passed(stepId);
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

    private void Passed(Guid? stepId)
    {
        CurrentStepId = stepId;
        StepsTaken++;
        RetryCount = 0;
    }

    private void Move(JourneySessionStatus to, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, to);
        Status = to;
        LastActivityAt = now;
    }
}
