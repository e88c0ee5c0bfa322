using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// The webhook secret from memory for <see cref="Lifetime"/>. A tenant that rolls its secret on another instance is
/// not locked out meanwhile: a signature the remembered secret rejects is checked again with the stored one. The old
/// secret stays accepted on other instances for at most <see cref="Lifetime"/> (Stripe itself keeps a rolled secret
/// valid for up to a day).
/// </summary>
public sealed class CachedStripeWebhookSecrets(AppDbContext db, ITenantContext tenant, IMemoryCache cache) : IStripeWebhookSecrets
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<string?> FindAsync(CancellationToken cancellationToken) =>
        cache.TryGetValue(Key, out Remembered? remembered) ? remembered!.Encrypted : await RefreshAsync(cancellationToken);

    public async Task<string?> RefreshAsync(CancellationToken cancellationToken)
    {
        var encrypted = await db.StripeSettings.AsNoTracking().Select(s => s.WebhookSecret).SingleOrDefaultAsync(cancellationToken);
        cache.Set(Key, new Remembered(encrypted), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return encrypted;
    }

    public void Forget() => cache.Remove(Key);

    private (string, string) Key => ("stripe-webhook-secret", tenant.RequiredTenantId);

    private sealed record Remembered(string? Encrypted);
}
