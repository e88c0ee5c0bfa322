using System.Collections.Concurrent;

namespace PromoStack.Benchmarks.Faults;

/// <summary>
/// Stripe's side of a payment: when a user pays the Checkout Session whose link the bot sent them, sends its
/// <c>checkout.session.completed</c> through the load balancer until answered 2xx, as Stripe does; every fourth one is
/// delivered twice at once to different instances (Stripe delivers at least once).
/// </summary>
internal sealed class StripePayer(AppCluster cluster, FakeStripeApi stripe, TimeSpan patience)
{
    private readonly ConcurrentQueue<string> _toPay = new();
    private readonly List<Task> _deliveries = [];

    /// <summary>The sessions paid (their event acknowledged), by event id.</summary>
    public ConcurrentDictionary<string, CheckoutSession> Paid { get; } = new();

    public int Delivered;

    public int Duplicated;

    /// <summary>A user pays the session with this id (its link reached them).</summary>
    public void Pay(string sessionId) => _toPay.Enqueue(sessionId);

    /// <summary>Pays the sessions as they come until stopped, then the last ones, and waits for every delivery.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            PayNew();
            await Task.Delay(200, CancellationToken.None);
        }

        PayNew();
        await Task.WhenAll(_deliveries);
    }

    private void PayNew()
    {
        while (_toPay.TryDequeue(out var id))
        {
            _deliveries.Add(PayAsync(stripe.Sessions.Single(s => s.Id == id), twice: _deliveries.Count % 4 == 0));
        }
    }

    private async Task PayAsync(CheckoutSession session, bool twice)
    {
        var tenant = session.Form["metadata[tenant_id]"];
        var eventId = $"evt_{session.Id}";
        var results = await Task.WhenAll(Enumerable.Range(0, twice ? 2 : 1)
            .Select(_ => cluster.DeliverAsync(url => FaultTenant.PaidEvent(url, tenant, eventId, session), patience)));
        Interlocked.Add(ref Delivered, results.Count(r => r));
        if (twice)
        {
            Interlocked.Increment(ref Duplicated);
        }

        if (results.Any(r => r))
        {
            Paid[eventId] = session;
        }
    }
}
