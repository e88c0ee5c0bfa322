using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Broadcasts;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Broadcasts;

/// <summary>
/// Works a broadcast in slices (claimed with a lease like every queue): each slice queues the next recipients and
/// records outcomes, then the job is released for a couple of seconds, still <c>processing</c>, until every recipient
/// has an outcome. A crash loses nothing: the next claim resumes from the deliveries recorded.
/// </summary>
public sealed class BroadcastWorker(WorkQueue workQueue, TenantScopes tenantScopes, TimeProvider clock, ILogger<BroadcastWorker> logger)
    : QueueWorker<int>(workQueue, clock, logger)
{
    public static readonly TimeSpan SliceInterval = TimeSpan.FromSeconds(2);

    public override QueueDefinition Queue => Queues.BroadcastJobs;

    protected override async Task<WorkOutcome> ProcessAsync(ClaimedWork<int> work, CancellationToken cancellationToken)
    {
        var done = await tenantScopes.RunAsync(work.TenantId, async (services, ct) => await services.GetRequiredService<ISender>().Send(new RunBroadcastSlice(work.Id), ct), cancellationToken);
        return done ? WorkOutcome.Completed : WorkOutcome.ContinueLater(Clock.GetUtcNow() + SliceInterval);
    }
}
