using PromoStack.Domain.Common;
using PromoStack.Domain.Journeys;

namespace PromoStack.Domain.Tests.Journeys;

public sealed class JourneyUserSessionTests
{
    private const string Tenant = "acme";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid JourneyId = Guid.Parse("0195f3a0-0000-7000-8000-000000000001");
    private static readonly Guid Step1 = Guid.Parse("0195f3a0-0000-7000-8000-0000000000a1");
    private static readonly Guid Step2 = Guid.Parse("0195f3a0-0000-7000-8000-0000000000a2");
    private static readonly Guid Step3 = Guid.Parse("0195f3a0-0000-7000-8000-0000000000a3");

    private static JourneyUserSession Start() => JourneyUserSession.Start(Tenant, JourneyId, 1001, 2002, Step1, Now);

    [Fact]
    public void Start_IsActiveAndRunningAtTheFirstStep()
    {
        var session = Start();

        session.Status.Should().Be(JourneySessionStatus.Active);
        session.IsRunning.Should().BeTrue();
        session.CurrentStepId.Should().Be(Step1);
        session.StartedAt.Should().Be(Now);
        session.LastActivityAt.Should().Be(Now);
        session.CompletedAt.Should().BeNull();
        session.Answers.Should().Be("{}");
    }

    [Fact]
    public void FullRun_WaitResumeAwaitResumeComplete_EndsCompletedWithCompletedAt()
    {
        var session = Start();

        session.WaitForDelay(Now.AddMinutes(1));
        session.Status.Should().Be(JourneySessionStatus.WaitingDelay);
        session.IsRunning.Should().BeTrue();

        session.Resume(Step2, Now.AddMinutes(2));
        session.Status.Should().Be(JourneySessionStatus.Active);
        session.CurrentStepId.Should().Be(Step2);

        session.AwaitReply(Now.AddMinutes(3));
        session.Status.Should().Be(JourneySessionStatus.AwaitingReply);
        session.IsRunning.Should().BeTrue();

        session.Resume(Step3, Now.AddMinutes(4));
        session.Status.Should().Be(JourneySessionStatus.Active);
        session.CurrentStepId.Should().Be(Step3);
        session.CompletedAt.Should().BeNull();

        session.Complete(Now.AddMinutes(5));

        session.Status.Should().Be(JourneySessionStatus.Completed);
        session.IsRunning.Should().BeFalse();
        session.CompletedAt.Should().Be(Now.AddMinutes(5));
        session.LastActivityAt.Should().Be(Now.AddMinutes(5));
        session.EndReason.Should().BeNull();
    }

    [Fact]
    public void End_WhileWaiting_RecordsTheReasonAndStopsRunning()
    {
        var session = Start();
        session.WaitForDelay(Now);

        session.End("journey unpublished", Now.AddHours(1));

        session.Status.Should().Be(JourneySessionStatus.Ended);
        session.EndReason.Should().Be("journey unpublished");
        session.CompletedAt.Should().Be(Now.AddHours(1));
        session.IsRunning.Should().BeFalse();
    }

    [Fact]
    public void Fail_RecordsTheReasonAndStopsRunning()
    {
        var session = Start();

        session.Fail("bot blocked", Now);

        session.Status.Should().Be(JourneySessionStatus.Failed);
        session.EndReason.Should().Be("bot blocked");
        session.IsRunning.Should().BeFalse();
    }

    [Fact]
    public void Complete_WhileAwaitingReply_Throws()
    {
        var session = Start();
        session.AwaitReply(Now);

        var complete = () => session.Complete(Now.AddMinutes(1));

        complete.Should().Throw<InvalidTransitionException>();
        session.Status.Should().Be(JourneySessionStatus.AwaitingReply);
        session.CompletedAt.Should().BeNull();
    }

    [Fact]
    public void End_WhenAlreadyCompleted_ThrowsAndKeepsTheOutcome()
    {
        var session = Start();
        session.Complete(Now);

        var end = () => session.End("timeout", Now.AddMinutes(1));

        end.Should().Throw<InvalidTransitionException>();
        session.Status.Should().Be(JourneySessionStatus.Completed);
        session.EndReason.Should().BeNull();
        session.CompletedAt.Should().Be(Now);
    }

    [Fact]
    public void Resume_WhenActive_Throws()
    {
        var session = Start();

        var resume = () => session.Resume(Step2, Now);

        resume.Should().Throw<InvalidTransitionException>();
        session.CurrentStepId.Should().Be(Step1);
    }

    [Fact]
    public void AdvanceTo_WhenActive_MovesTheStep()
    {
        var session = Start();

        session.AdvanceTo(Step2, Now.AddSeconds(5));

        session.CurrentStepId.Should().Be(Step2);
        session.LastActivityAt.Should().Be(Now.AddSeconds(5));
    }

    [Fact]
    public void AdvanceTo_WhileWaiting_Throws()
    {
        var session = Start();
        session.WaitForDelay(Now);

        var advance = () => session.AdvanceTo(Step2, Now);

        advance.Should().Throw<InvalidTransitionException>();
        session.CurrentStepId.Should().Be(Step1);
    }
}

public sealed class JourneySessionPositionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryPassedStep_MovesThePosition_AndResetsTheRetries()
    {
        var step = Guid.NewGuid();
        var session = JourneyUserSession.Start("acme", Guid.NewGuid(), 1, 1, step, Now);

        session.AdvanceTo(Guid.NewGuid(), Now);
        session.AwaitReply(Now);
        session.RecordInvalidAnswer(maxRetries: 1, Now).Should().BeTrue();
        session.RetryCount.Should().Be(1);
        session.RecordInvalidAnswer(maxRetries: 1, Now).Should().BeFalse("the retries are spent");
        session.Resume(null, Now);

        session.StepsTaken.Should().Be(2);
        session.RetryCount.Should().Be(0);
        session.CurrentStepId.Should().BeNull();
    }

    [Fact]
    public void AnInvalidAnswer_WhenNotWaitingForOne_Throws()
    {
        var session = JourneyUserSession.Start("acme", Guid.NewGuid(), 1, 1, Guid.NewGuid(), Now);

        var act = () => session.RecordInvalidAnswer(2, Now);

        act.Should().Throw<PromoStack.Domain.Common.InvalidTransitionException>();
    }
}
