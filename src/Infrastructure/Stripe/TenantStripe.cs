using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Stripe;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>The tenant's <c>stripe_settings</c> row (the tenant filter picks it), its secret key unprotected for the call.</summary>
public sealed class TenantStripe(AppDbContext db, ISecretProtector secrets) : ITenantStripe
{
    public async Task<StripeAccess?> ForCurrentTenantAsync(CancellationToken cancellationToken) =>
        Of(await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken));

    public StripeAccess? Of(TenantStripeSettings? settings) =>
        settings?.SecretKey is { } key ? new StripeAccess(secrets.Unprotect(StripeSecrets.SecretKey, key), settings.StripeAccountId) : null;
}
