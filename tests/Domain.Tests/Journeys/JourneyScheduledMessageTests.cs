using PromoStack.Domain.Common;
using PromoStack.Domain.Journeys;

namespace PromoStack.Domain.Tests.Journeys;

public sealed class JourneyScheduledMessageTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static JourneyScheduledMessage Schedule() =>
        JourneyScheduledMessage.Schedule("acme", Guid.NewGuid(), Guid.NewGuid(), 1001, "{}", Due, "session:step");

    [Fact]
    public void Schedule_IsPendingAndDueAtTheScheduledTime()
    {
        var message = Schedule();

        message.Status.Should().Be(ScheduledMessageStatus.Pending);
        message.NextAttemptAt.Should().Be(Due);
        message.DedupeKey.Should().Be("session:step");
        message.Attempts.Should().Be(0);
    }

    [Fact]
    public void Cancel_WhenPending_Cancels()
    {
        var message = Schedule();

        message.Cancel();

        message.Status.Should().Be(ScheduledMessageStatus.Cancelled);
    }

    [Fact]
    public void Cancel_Twice_Throws()
    {
        var message = Schedule();
        message.Cancel();

        var again = message.Cancel;

        again.Should().Throw<InvalidTransitionException>();
    }
}
