using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Journeys;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Journeys;

/// <summary>
/// Runs due journey timers (delays, reply timeouts, inactivity) from <c>journey_scheduled_messages</c>, claimed with
/// a lease so several instances share them; each advances its session in one transaction. Timers of different
/// sessions run side by side; a timer and a reply racing on one session are serialized by the session's row version.
/// </summary>
public sealed class JourneyTimerWorker(WorkQueue workQueue, TenantScopes tenantScopes, TimeProvider clock, ILogger<JourneyTimerWorker> logger)
    : QueueWorker<Guid>(workQueue, clock, logger)
{
    public override QueueDefinition Queue => Queues.JourneyScheduledMessages;

    /// <summary>Each timer is its own session's step (a session has at most one live timer), so they are independent.</summary>
    public override int Parallelism => 4;

    protected override async Task<WorkOutcome> ProcessAsync(ClaimedWork<Guid> work, CancellationToken cancellationToken)
    {
        await tenantScopes.RunAsync(work.TenantId, (services, ct) => services.GetRequiredService<ISender>().Send(new RunJourneyTimer(work.Id), ct).AsTask(), cancellationToken);
        return WorkOutcome.Completed;
    }

    protected override Task GaveUpAsync(ClaimedWork<Guid> work, string error, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(work.TenantId, (services, ct) => services.GetRequiredService<ISender>().Send(new FailJourneyTimer(work.Id, error), ct).AsTask(), cancellationToken);
}
