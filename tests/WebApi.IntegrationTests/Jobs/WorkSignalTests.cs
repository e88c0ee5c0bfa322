using PromoStack.Infrastructure.Jobs;

namespace PromoStack.WebApi.IntegrationTests.Jobs;

public sealed class WorkSignalTests
{
    [Fact]
    public async Task ManyNotifications_WakeTheWorkerOnce_WithoutThrowingAnyException()
    {
        var signal = new WorkSignal();
        var thrown = 0;
        var thread = Environment.CurrentManagedThreadId;

        // Counted on this thread only: tests running alongside have signals of their own.
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is SemaphoreFullException && Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 1_000; i++)
            {
                signal.Notify(Queues.DomainEvents);
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        thrown.Should().Be(0, "a queue already signalled needs no second wake-up, and an exception per commit costs CPU under load");
        (await signal.WaitAsync(Queues.DomainEvents, TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
        (await signal.WaitAsync(Queues.DomainEvents, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse("the notifications were one wake-up");
        (await signal.WaitAsync(Queues.BroadcastJobs, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse("each queue has its own signal");
    }
}
