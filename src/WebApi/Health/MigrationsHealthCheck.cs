using Microsoft.Extensions.Diagnostics.HealthChecks;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.WebApi.Health;

/// <summary>Ready only when the database has every migration this build expects.</summary>
public sealed class MigrationsHealthCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await migrator.PendingAsync(cancellationToken);
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: run ./promostack migrate.");
    }
}
