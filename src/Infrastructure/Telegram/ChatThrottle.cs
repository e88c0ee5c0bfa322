using Microsoft.Extensions.Options;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// How much one person may make a bot do: a token bucket per private chat of each bot (<see cref="TelegramOptions.ChatBurst"/>
/// updates at once, refilled at <see cref="TelegramOptions.ChatUpdatesPerMinute"/>), on <see cref="TimeProvider"/> time.
/// An update over the limit is recorded as processed without being handled, so a user spamming a bot costs a claim,
/// not a handler's queries and replies. Groups and channels (negative chat ids) are never throttled: their updates
/// are members joining and leaving, which access control must see. Each instance counts the updates it processes, so
/// with several instances a chat gets at most that many times the limit. A bucket that has refilled is forgotten.
/// </summary>
public sealed class ChatThrottle(TimeProvider clock, IOptions<TelegramOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Tenant, long Bot, long Chat), Bucket> _buckets = [];
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>How many chats' buckets are remembered.</summary>
    public int RememberedChats
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>Forgets every chat: what it counted belongs to a database that was wiped (tests share one app across wipes).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _buckets.Clear();
        }
    }

    /// <summary>Takes one update's token; false when the chat is over its limit.</summary>
    public bool TryTake(string tenantId, long botId, long chatId)
    {
        if (chatId <= 0)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        var (burst, perSecond) = Limits;
        lock (_lock)
        {
            if (now >= _nextSweep)
            {
                Forget(now, burst, perSecond);
                _nextSweep = now + TimeSpan.FromMinutes(1);
            }

            var key = (tenantId, botId, chatId);
            var tokens = _buckets.TryGetValue(key, out var bucket) ? Refilled(bucket, now, burst, perSecond) : burst;
            if (tokens < 1)
            {
                _buckets[key] = new Bucket(tokens, now);
                return false;
            }

            _buckets[key] = new Bucket(tokens - 1, now);
            return true;
        }
    }

    private (double Burst, double PerSecond) Limits => (Math.Max(1, options.Value.ChatBurst), Math.Max(1, options.Value.ChatUpdatesPerMinute) / 60.0);

    private static double Refilled(Bucket bucket, DateTimeOffset now, double burst, double perSecond) =>
        Math.Min(burst, bucket.Tokens + (Math.Max(0, (now - bucket.At).TotalSeconds) * perSecond));

    private void Forget(DateTimeOffset now, double burst, double perSecond)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (Refilled(bucket, now, burst, perSecond) >= burst)
            {
                _buckets.Remove(key);
            }
        }
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At);
}
