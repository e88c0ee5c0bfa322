using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>
/// Runs a unit of work that started without a signed-in user in its own DI scope, with its tenant set; and a platform
/// operator's read inside a tenant (<see cref="TenantLookIn"/>).
/// </summary>
public sealed class TenantScopes(IServiceScopeFactory scopes)
{
    public async Task RunAsync(string tenantId, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = Open(tenantId);
        await work(scope.ServiceProvider, cancellationToken);
    }

    public async Task<T> RunAsync<T>(string tenantId, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = Open(tenantId);
        return await work(scope.ServiceProvider, cancellationToken);
    }

    /// <summary>A scope acting for <paramref name="tenantId"/>, or for no tenant when it is empty (a platform-wide job).</summary>
    public AsyncServiceScope Open(string tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        if (tenantId.Length > 0)
        {
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(tenantId);
        }

        return scope;
    }
}
