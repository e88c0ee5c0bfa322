using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PromoStack.Infrastructure.Observability;
using PromoStack.WebApi.Observability;

namespace PromoStack.WebApi.Health;

/// <summary>
/// The queues' backlog (depth and the oldest due item's age, over all tenants): degraded when an item has waited
/// longer than <see cref="TelemetryOptions.QueueAgeDegradedSeconds"/> — the workers are stopped, stuck or outrun.
/// </summary>
public sealed class QueueHealthCheck(QueueBacklog backlog, IOptions<TelemetryOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = await backlog.GetAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var data = queues.ToDictionary(q => q.Queue, q => (object)new { depth = q.Depth, oldestDueSeconds = Math.Round(q.OldestDueSeconds, 1) });
        var late = queues.Where(q => q.OldestDueSeconds > options.Value.QueueAgeDegradedSeconds).Select(q => q.Queue).ToList();
        return late.Count == 0
            ? HealthCheckResult.Healthy("Every queue keeps up.", data)
            : HealthCheckResult.Degraded($"Items have waited over {options.Value.QueueAgeDegradedSeconds} s in: {string.Join(", ", late)}.", data: data);
    }
}
