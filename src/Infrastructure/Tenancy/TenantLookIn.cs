using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Platform;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>
/// A platform operator's read inside one tenant, in a DI scope of its own (<see cref="TenantScopes"/>) that acts for
/// that tenant alone and is signed in as the operator with no role there: the operator's request keeps its own tenant
/// (or none), the scope's database context serves this one query and its audit entry, and the entry lands in the
/// tenant's log with the operator's name.
/// </summary>
public sealed class TenantLookIn(TenantDirectory directory, TenantScopes scopes, ICurrentUser user) : ITenantLookIn
{
    public async Task<T?> ReadAsync<T>(string tenantId, ITenantQuery<T> query, CancellationToken cancellationToken)
        where T : class
    {
        if (!user.IsPlatformOperator || user.UserId is not { } userId)
        {
            throw new InvalidOperationException("Only a signed-in platform operator looks inside a tenant.");
        }

        if (!await directory.IsSlugTakenAsync(tenantId, cancellationToken))
        {
            return null;
        }

        await using var scope = scopes.Open(tenantId);
        scope.ServiceProvider.GetRequiredService<CurrentUser>()
            .SignIn(new SignedInUser(userId, user.Email, user.EmailVerified, tenantId, Role: null, IsPlatformOperator: true));
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }
}
