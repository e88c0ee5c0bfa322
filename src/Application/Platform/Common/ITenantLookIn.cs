using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Platform;

/// <summary>
/// Lets the signed-in platform operator read inside one tenant: the query runs in a unit of work of its own that acts
/// for that tenant alone, as the operator (with no role there), so it is recorded in that tenant's audit log. Only
/// queries can be sent through it; nothing of the operator's own request changes tenant.
/// </summary>
public interface ITenantLookIn
{
    /// <summary>The query's answer inside <paramref name="tenantId"/>; null when no such tenant exists.</summary>
    Task<T?> ReadAsync<T>(string tenantId, ITenantQuery<T> query, CancellationToken cancellationToken)
        where T : class;
}
