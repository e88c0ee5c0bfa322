namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Telegram's limits for one bot, on <see cref="TimeProvider"/> time: at most 30 messages in any second, 1 per second
/// to one private chat, 20 per minute to one group or channel. Only the holder of a bot's sender lease sends for
/// that bot, so an in-process limiter keeps the limits for every instance together. Telegram counts calls when they
/// arrive, which can be later than we sent them and unevenly so; the bot-wide window is therefore <see cref="SafetyMargin"/>
/// longer than Telegram's (the journeys bench saw one 429 in 9,000 messages without it). A chat's window is forgotten
/// once its last message is older than the longest limit, so a broadcast to a million chats leaves nothing behind.
/// </summary>
public sealed class BotRateLimiter
{
    public const int PerSecond = 30;
    public const int PerGroupPerMinute = 20;

    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _botWindows = [];
    private readonly Dictionary<(long Bot, long Chat), Queue<DateTimeOffset>> _chatWindows = [];
    private readonly Dictionary<long, DateTimeOffset> _pausedUntil = [];
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>The longest window a limit looks back over (a group's minute, with the margin): older calls are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(1) + SafetyMargin;

    /// <summary>How many chats' recent messages are remembered.</summary>
    public int RememberedChats
    {
        get
        {
            lock (_lock)
            {
                return _chatWindows.Count;
            }
        }
    }

    /// <summary>
    /// When a call about <paramref name="chatId"/> may go: now, or later. Every call counts against the bot's 30 a
    /// second; only messages count against a chat's own limit.
    /// </summary>
    public DateTimeOffset NextSlot(long botId, long chatId, DateTimeOffset now, bool isMessage = true)
    {
        lock (_lock)
        {
            var slot = _pausedUntil.TryGetValue(botId, out var paused) && paused > now ? paused : now;
            slot = Max(slot, Free(Window(_botWindows, botId), PerSecond, TimeSpan.FromSeconds(1) + SafetyMargin, now));
            if (!isMessage)
            {
                return slot;
            }

            var (limit, span) = chatId > 0 ? (1, TimeSpan.FromSeconds(1)) : (PerGroupPerMinute, TimeSpan.FromMinutes(1));
            return Max(slot, Free(Window(_chatWindows, (botId, chatId)), limit, span, now));
        }
    }

    public void Record(long botId, long chatId, DateTimeOffset at, bool isMessage = true)
    {
        lock (_lock)
        {
            Window(_botWindows, botId).Enqueue(at);
            if (isMessage)
            {
                Window(_chatWindows, (botId, chatId)).Enqueue(at);
            }

            if (at >= _nextSweep)
            {
                Forget(at - Memory);
                _nextSweep = at + Memory;
            }
        }
    }

    /// <summary>Drops the windows whose newest call is before <paramref name="before"/> and the pauses that are over (once a minute).</summary>
    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, window) in _chatWindows)
        {
            if (window.Count == 0 || window.Last() < before)
            {
                _chatWindows.Remove(key);
            }
        }

        foreach (var (key, window) in _botWindows)
        {
            if (window.Count == 0 || window.Last() < before)
            {
                _botWindows.Remove(key);
            }
        }

        foreach (var (key, until) in _pausedUntil)
        {
            if (until < before)
            {
                _pausedUntil.Remove(key);
            }
        }
    }

    /// <summary>Telegram said 429 retry_after: nothing goes out for this bot until then.</summary>
    public void Pause(long botId, DateTimeOffset until)
    {
        lock (_lock)
        {
            _pausedUntil[botId] = until;
        }
    }

    private static DateTimeOffset Free(Queue<DateTimeOffset> window, int limit, TimeSpan span, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() <= now - span)
        {
            window.Dequeue();
        }

        return window.Count < limit ? now : window.ElementAt(window.Count - limit) + span;
    }

    private static Queue<DateTimeOffset> Window<TKey>(Dictionary<TKey, Queue<DateTimeOffset>> windows, TKey key) where TKey : notnull
    {
        if (!windows.TryGetValue(key, out var window))
        {
            window = new Queue<DateTimeOffset>();
            windows[key] = window;
        }

        return window;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
