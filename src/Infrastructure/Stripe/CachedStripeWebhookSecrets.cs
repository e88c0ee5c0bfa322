using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>
/// The current tenant's encrypted webhook secret from memory, read again once the copy is <see cref="Lifetime"/> old; a
/// source the webhooks limit gets no read and is checked against a copy up to <see cref="StaleLifetime"/> old instead.
/// "No secret" (a tenant without one, or no such tenant) is remembered the same way, for at most
/// <see cref="UnknownLifetime"/> and in the entries dropped first when memory is short. A tenant that sets or rolls its
/// secret on another instance is not locked out meanwhile: the first signature a copy rejects is checked again with a
/// fresh read (<see cref="RecheckAsync"/>), and a copy so read is read again for another rejected signature only once
/// it is <see cref="RecheckInterval"/> old (<see cref="MayRecheck"/>). A flood of bad signatures thus costs one query,
/// then at most one a second per tenant (and one per <see cref="Lifetime"/>), whatever its size. Saving the settings
/// on this instance drops the copy (<see cref="Forget"/>).
/// </summary>
public sealed class CachedStripeWebhookSecrets(AppDbContext db, ITenantContext tenant, IMemoryCache cache, TimeProvider clock) : IStripeWebhookSecrets
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan StaleLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The copy in memory; null when it must be read (none, or one older than <see cref="Lifetime"/> unless <paramref name="acceptStale"/>).</summary>
    public Remembered? Recall(bool acceptStale) =>
        cache.TryGetValue(Key, out Remembered? remembered) && (acceptStale || clock.GetUtcNow() - remembered!.ReadAt < Lifetime) ? remembered : null;

    /// <summary>Reads the secret from the database (one query) and remembers it, or that there is none.</summary>
    public Task<Remembered> ReadAsync(CancellationToken cancellationToken) => ReadAsync(recheck: false, cancellationToken);

    /// <summary>Reads the secret again because it rejected a signature (see <see cref="MayRecheck"/>).</summary>
    public Task<Remembered> RecheckAsync(CancellationToken cancellationToken) => ReadAsync(recheck: true, cancellationToken);

    /// <summary>
    /// Whether a copy that rejected a signature may be read again now: the first time, or once a copy read again is
    /// <see cref="RecheckInterval"/> old.
    /// </summary>
    public bool MayRecheck(Remembered copy) => !copy.Rechecked || clock.GetUtcNow() - copy.ReadAt >= RecheckInterval;

    public void Forget() => cache.Remove(Key);

    private async Task<Remembered> ReadAsync(bool recheck, CancellationToken cancellationToken)
    {
        var encrypted = await db.StripeSettings.AsNoTracking().Select(s => s.WebhookSecret).SingleOrDefaultAsync(cancellationToken);
        var remembered = new Remembered(encrypted, clock.GetUtcNow(), recheck);
        cache.Set(Key, remembered, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = encrypted is null ? UnknownLifetime : StaleLifetime,
            Priority = encrypted is null ? CacheItemPriority.Low : CacheItemPriority.Normal,
            Size = 1,
        });
        return remembered;
    }

    private (string, string) Key => ("stripe-webhook-secret", tenant.RequiredTenantId);

    /// <summary>The encrypted secret (null: none) as read at <see cref="ReadAt"/>, by a recheck or not.</summary>
    public sealed record Remembered(string? Encrypted, DateTimeOffset ReadAt, bool Rechecked);
}
