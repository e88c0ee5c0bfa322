namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// Work for a workspace other than the one the request acts in (a signed-in user accepting an invitation to it or
/// creating it; a development token made for it): run in a unit of work of its own, with that workspace's tenant set, so the request's own tenant
/// never sees or saves another's rows.
/// </summary>
public interface IWorkspaceUnitOfWork
{
    Task<T> RunAsync<T>(string tenantId, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>The same, in one transaction of its own: it commits when <paramref name="work"/> returns, and rolls back whole if it throws.</summary>
    Task<T> InTransactionAsync<T>(string tenantId, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
