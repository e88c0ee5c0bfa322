using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromoStack.Application.CrossPromo;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.CrossPromo;

/// <summary>
/// Posts due cross-promo jobs (claimed → completed, or skipped with the reason). Its queue abandons a job whose worker
/// died holding it (failed, not retried), and the post itself is queued at most once: a FREE-channel post never goes twice.
/// </summary>
public sealed class CrossPromoWorker(WorkQueue workQueue, TenantScopes tenantScopes, TimeProvider clock, ILogger<CrossPromoWorker> logger)
    : QueueWorker<int>(workQueue, clock, logger)
{
    public override QueueDefinition Queue => Queues.CrossPromoJobs;

    protected override async Task<WorkOutcome> ProcessAsync(ClaimedWork<int> work, CancellationToken cancellationToken)
    {
        var run = await tenantScopes.RunAsync(work.TenantId, async (services, ct) => await services.GetRequiredService<ISender>().Send(new RunCrossPromoJob(work.Id), ct), cancellationToken);
        return run == CrossPromoRun.Skipped ? WorkOutcome.Settled : WorkOutcome.Completed;
    }
}
