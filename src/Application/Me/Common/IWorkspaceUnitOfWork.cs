using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Me;

/// <summary>
/// Work a signed-in user does for a workspace other than the one their request acts in (accepting an invitation to
/// it, creating it): run in a unit of work of its own, with that workspace's tenant set, so the request's own tenant
/// never sees or saves another's rows.
/// </summary>
public interface IWorkspaceUnitOfWork
{
    Task<T> RunAsync<T>(string tenantId, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
