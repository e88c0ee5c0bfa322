using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tests.Broadcasts;

public sealed class BroadcastJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static BroadcastJob Create() => BroadcastJob.Create("acme", "Hello VIPs", Now.AddHours(1), "weekly:48", Now);

    [Fact]
    public void Create_IsPendingAndDueAtTheRequestedTime()
    {
        var job = Create();

        job.Status.Should().Be(BroadcastJobStatus.Pending);
        job.NextAttemptAt.Should().Be(Now.AddHours(1));
        job.CreatedAt.Should().Be(Now);
        job.CompletedAt.Should().BeNull();
    }

    [Fact]
    public void Create_WithAMessageOverTheTelegramLimit_Throws()
    {
        var create = () => BroadcastJob.Create("acme", new string('x', BroadcastJob.MessageMaxLength + 1), Now, null, Now);

        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void Cancel_FromPending_CancelsAndSetsCompletedAt()
    {
        var job = Create();

        job.Cancel(Now.AddMinutes(5));

        job.Status.Should().Be(BroadcastJobStatus.Cancelled);
        job.CompletedAt.Should().Be(Now.AddMinutes(5));
    }

    [Fact]
    public void Cancel_Twice_ThrowsAndKeepsTheFirstCancellationTime()
    {
        var job = Create();
        job.Cancel(Now.AddMinutes(5));

        var again = () => job.Cancel(Now.AddMinutes(10));

        again.Should().Throw<InvalidTransitionException>();
        job.CompletedAt.Should().Be(Now.AddMinutes(5));
    }
}
