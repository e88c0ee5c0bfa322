using Coravel.Invocable;

namespace PromoStack.Infrastructure.Schedules;

/// <summary>The Coravel invocable that ticks the schedules every minute.</summary>
public sealed class ScheduleTick(ScheduleRunner runner) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunDueAsync(CancellationToken);
}
