using Microsoft.Extensions.Caching.Memory;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Webhook lookups for a few seconds from memory: Telegram posts many updates per bot, and each would otherwise cost
/// a query before the insert. A reconnected bot's new secret is in force within <see cref="Lifetime"/>; unknown ids
/// are remembered too, so scanning random ids costs no queries.
/// </summary>
public sealed class CachedTelegramWebhooks(TenantDirectory directory, IMemoryCache cache) : ITelegramWebhooks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<WebhookTarget?> FindAsync(Guid publicId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("telegram-webhook", publicId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Size = 1;
            return directory.FindAsync(publicId, cancellationToken);
        });
}
