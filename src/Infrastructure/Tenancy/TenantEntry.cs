using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>
/// Where a request gets its tenant before any message is sent: from the signed-in user's workspace, from a public
/// or webhook route that names the tenant, or from the bot whose webhook secret was proved. Workers and schedules get
/// theirs through <see cref="TenantScopes"/>. Nothing else enters a tenant (an architecture test holds it), so no
/// handler can choose whose data it acts on.
/// </summary>
public sealed class TenantEntry(ITenantContext context)
{
    /// <summary>
    /// Acts for <paramref name="tenantId"/> for the rest of the request. A route may name a tenant that does not
    /// exist: it then sees no rows, and the use case answers as for anything missing.
    /// </summary>
    public void Enter(string tenantId) => context.Enter(tenantId);
}
