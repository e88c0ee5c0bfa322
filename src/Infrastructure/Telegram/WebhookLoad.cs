namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// How many updates this instance's webhook stored in the last second. The inbox worker reads it to give the webhook
/// the CPU when Telegram is pushing hard: an update answered late is re-sent by Telegram and delays everything behind
/// it, while one stored and processed a little later loses nothing (the inbox is the buffer).
/// </summary>
public sealed class WebhookLoad(TimeProvider clock)
{
    /// <summary>From this rate on, processing steps back to one update at a time.</summary>
    public const int BusyPerSecond = 500;

    private const int Buckets = 10;
    private readonly long[] _counts = new long[Buckets];
    private readonly long[] _slots = new long[Buckets];
    private readonly Lock _gate = new();

    public void Recorded()
    {
        var slot = Slot();
        var bucket = (int)(slot % Buckets);
        if (Volatile.Read(ref _slots[bucket]) != slot)
        {
            lock (_gate)
            {
                if (_slots[bucket] != slot)
                {
                    Volatile.Write(ref _counts[bucket], 0);
                    Volatile.Write(ref _slots[bucket], slot);
                }
            }
        }

        Interlocked.Increment(ref _counts[bucket]);
    }

    /// <summary>Updates stored in the last second (ten buckets of 100 ms, the current one included).</summary>
    public long PerSecond
    {
        get
        {
            var slot = Slot();
            var total = 0L;
            for (var bucket = 0; bucket < Buckets; bucket++)
            {
                if (slot - Volatile.Read(ref _slots[bucket]) < Buckets)
                {
                    total += Volatile.Read(ref _counts[bucket]);
                }
            }

            return total;
        }
    }

    public bool IsBusy => PerSecond >= BusyPerSecond;

    private long Slot() => clock.GetTimestamp() * Buckets / clock.TimestampFrequency;
}
