using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace PromoStack.Infrastructure.Webhooks;

/// <summary>
/// What each source has sent to the webhooks in the current window (<see cref="WebhookOptions"/>), counted in memory
/// by each instance: deliveries, and failed ones. A source is an IPv4 address (also one mapped into IPv6) or an IPv6
/// /64, since one host can pick any address of its /64. Windows are fixed and follow real time (whatever clock the
/// app's business runs on); a window's counts are dropped whole when it ends, and one window counts at most
/// <see cref="WebhookOptions.TrackedSources"/> sources, so the memory is bounded whatever the number of senders.
/// </summary>
public sealed class WebhookSources(IOptions<WebhookOptions> options, TimeProvider clock)
{
    private readonly WebhookOptions _options = options.Value;
    private readonly TimeSpan _length = TimeSpan.FromSeconds(options.Value.WindowSeconds);
    private Window _window = new(clock.GetTimestamp());

    /// <summary>Counts a delivery from <paramref name="address"/> (null: no peer address known, one source like any other).</summary>
    public WebhookSource Arrive(IPAddress? address)
    {
        var window = Current();
        var counts = window.CountsOf(Key(address), _options.TrackedSources);
        var overCap = counts is not null && Interlocked.Increment(ref counts.Requests) > _options.RequestsPerSource;
        return new WebhookSource(this, window, counts, overCap);
    }

    /// <summary>The sources counted in the current window (never more than <see cref="WebhookOptions.TrackedSources"/>).</summary>
    public int Tracked => Current().Tracked;

    internal int FailuresPerSource => _options.FailuresPerSource;

    /// <summary>Until <paramref name="window"/> ends (at least a second: what a <c>Retry-After</c> can say).</summary>
    internal TimeSpan Remaining(Window window)
    {
        var left = _length - clock.GetElapsedTime(window.StartedAt);
        return left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left;
    }

    /// <summary>The source an address counts as (see the class summary); no allocation.</summary>
    internal static UInt128 Key(IPAddress? address)
    {
        if (address is null)
        {
            return UInt128.Zero;
        }

        Span<byte> bytes = stackalloc byte[16];
        _ = address.TryWriteBytes(bytes, out var written);
        if (written == 4)
        {
            return V4(bytes[..4]);
        }

        return address.IsIPv4MappedToIPv6 ? V4(bytes[12..]) : new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), 0);
    }

    private static UInt128 V4(ReadOnlySpan<byte> address) => new(0, 0xFFFF_0000_0000UL | BinaryPrimitives.ReadUInt32BigEndian(address));

    private Window Current()
    {
        var window = Volatile.Read(ref _window);
        if (clock.GetElapsedTime(window.StartedAt) < _length)
        {
            return window;
        }

        var next = new Window(clock.GetTimestamp());
        return Interlocked.CompareExchange(ref _window, next, window) == window ? next : Volatile.Read(ref _window);
    }

    /// <summary>One window's counts, by source.</summary>
    internal sealed class Window(long startedAt)
    {
        private readonly ConcurrentDictionary<UInt128, Counts> _sources = new();
        private int _added;

        public long StartedAt { get; } = startedAt;

        public int Tracked => _sources.Count;

        /// <summary>The source's counts; null when the window already counts as many sources as it may.</summary>
        public Counts? CountsOf(UInt128 key, int capacity)
        {
            if (_sources.TryGetValue(key, out var counts))
            {
                return counts;
            }

            if (Interlocked.Increment(ref _added) > capacity)
            {
                Interlocked.Decrement(ref _added);
                return null;
            }

            return _sources.GetOrAdd(key, static _ => new Counts());
        }
    }

    /// <summary>A source's deliveries and failed deliveries in one window.</summary>
    internal sealed class Counts
    {
        public int Requests;

        public int Failures;
    }
}
