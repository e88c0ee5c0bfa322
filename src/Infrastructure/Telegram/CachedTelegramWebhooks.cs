using Microsoft.Extensions.Caching.Memory;
using PromoStack.Application.Telegram;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Webhook lookups from memory: Telegram posts many updates per bot, and each would otherwise cost a query before the
/// insert. A bot is read again once its copy is <see cref="Lifetime"/> old, so a removed bot stops being taken within
/// it; a source the webhooks limit gets no lookup, and is checked against a copy up to <see cref="StaleLifetime"/> old
/// instead. An id no bot has is remembered for <see cref="UnknownLifetime"/>, in the entries dropped first when memory
/// is short: our ids are random and never reused, so nobody can have asked for a bot's id before it was connected,
/// and a newly connected bot is always looked up.
/// </summary>
public sealed class CachedTelegramWebhooks(ITelegramWebhooks directory, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan StaleLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What memory knows of <paramref name="publicId"/>: true with its bot, or with null for an id no bot has; false
    /// when it must be looked up (nothing remembered, or a copy older than <see cref="Lifetime"/> unless
    /// <paramref name="acceptStale"/>).
    /// </summary>
    public bool TryRecall(Guid publicId, bool acceptStale, out WebhookTarget? target)
    {
        if (cache.TryGetValue(Key(publicId), out Remembered? remembered)
            && (remembered!.Target is null || acceptStale || clock.GetUtcNow() - remembered.ReadAt < Lifetime))
        {
            target = remembered.Target;
            return true;
        }

        target = null;
        return false;
    }

    /// <summary>Reads the bot from the database (one query) and remembers it, or that there is none.</summary>
    public async Task<WebhookTarget?> LookUpAsync(Guid publicId, CancellationToken cancellationToken)
    {
        var target = await directory.FindAsync(publicId, cancellationToken);
        cache.Set(Key(publicId), new Remembered(target, clock.GetUtcNow()), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = target is null ? UnknownLifetime : StaleLifetime,
            Priority = target is null ? CacheItemPriority.Low : CacheItemPriority.Normal,
            Size = 1,
        });
        return target;
    }

    private static (string, Guid) Key(Guid publicId) => ("telegram-webhook", publicId);

    private sealed record Remembered(WebhookTarget? Target, DateTimeOffset ReadAt);
}
