using System.Diagnostics.Metrics;
using PromoStack.Infrastructure.Coupons.Rendering;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>
/// A meter factory of its own with a listener on the renderer's slot counters, so a test sees how many renders hold a
/// slot or wait for one in the renderer it made (and in no other test's).
/// </summary>
internal sealed class RenderMeters : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private int _active;
    private int _waiting;
    private int _mostActive;

    public RenderMeters()
    {
        Factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == Factory && instrument.Meter.Name == SkiaCouponRenderer.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, change, _, _) =>
        {
            if (instrument.Name == "promostack.coupon.renders.active")
            {
                var now = Interlocked.Add(ref _active, change);
                InterlockedMax(ref _mostActive, now);
            }
            else if (instrument.Name == "promostack.coupon.renders.waiting")
            {
                Interlocked.Add(ref _waiting, change);
                if (change > 0)
                {
                    WhenARenderWaits?.Invoke();
                }
            }
        });
        _listener.Start();
    }

    /// <summary>For renderers whose metrics no test reads.</summary>
    public static IMeterFactory Shared { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public IMeterFactory Factory { get; }

    /// <summary>Called on the waiting render's own thread as it starts waiting for a slot (before it blocks).</summary>
    public Action? WhenARenderWaits { get; set; }

    public int Active => Volatile.Read(ref _active);

    public int Waiting => Volatile.Read(ref _waiting);

    public int MostActive => Volatile.Read(ref _mostActive);

    /// <summary>Once at least <paramref name="count"/> renders have held a slot at the same time (a latch: polling cannot miss it).</summary>
    public Task ActiveReached(int count) => Until(() => MostActive >= count);

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
