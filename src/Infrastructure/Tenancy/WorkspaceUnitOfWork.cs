using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>A workspace's unit of work for a signed-in user, through the one place that enters tenants (<see cref="TenantScopes"/>).</summary>
public sealed class WorkspaceUnitOfWork(TenantScopes scopes) : IWorkspaceUnitOfWork
{
    public Task<T> RunAsync<T>(string tenantId, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, (services, ct) => work(services.GetRequiredService<IAppDbContext>(), ct), cancellationToken);

    public Task<T> InTransactionAsync<T>(string tenantId, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        scopes.RunAsync(
            tenantId,
            (services, ct) => services.GetRequiredService<IUnitOfWork>().InTransactionAsync(c => work(services.GetRequiredService<IAppDbContext>(), c), ct),
            cancellationToken);
}
