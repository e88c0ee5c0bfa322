using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PromoStack.Infrastructure.Observability;

/// <summary>
/// PromoStack's own traces and metrics (names in one place; the WebApi exports them with ASP.NET Core's, HttpClient's
/// and Npgsql's over OTLP and as Prometheus text). Every queue item runs in an activity tagged with its queue and tenant.
/// </summary>
public static class Telemetry
{
    public const string Name = "PromoStack";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Queue items processed, by queue and outcome (<c>completed</c>, <c>retry</c>, <c>failed</c>, <c>later</c>).</summary>
    public static readonly Counter<long> QueueItems =
        Meter.CreateCounter<long>("promostack.queue.items", description: "Queue items processed, by queue and outcome");

    /// <summary>Telegram calls the sender made, by bot role and outcome (<c>sent</c>, <c>rate_limited</c>, <c>blocked</c>, <c>rejected</c>, <c>transient</c>).</summary>
    public static readonly Counter<long> Deliveries =
        Meter.CreateCounter<long>("promostack.telegram.deliveries", description: "Telegram calls made from the outbox, by bot role and outcome");

    /// <summary>Updates of a private chat over its limit, recorded as processed without being handled (<see cref="Telegram.ChatThrottle"/>).</summary>
    public static readonly Counter<long> ThrottledUpdates =
        Meter.CreateCounter<long>("promostack.telegram.updates.throttled", description: "Updates of a private chat over its limit, not handled");

    /// <summary>From the webhook storing an update to its handling done.</summary>
    public static readonly Histogram<double> InboxLag =
        Meter.CreateHistogram<double>("promostack.telegram.inbox.lag", "s", "Time from a Telegram update's receipt to its handling");

    /// <summary>How long after its minute's tick a scheduled job started (for a tenant), by job.</summary>
    public static readonly Histogram<double> ScheduleLateness =
        Meter.CreateHistogram<double>("promostack.schedule.lateness", "s", "How late a scheduled job started after its tick");

    /// <summary>
    /// Stripe webhook events, by event type and outcome (<c>applied</c>, <c>duplicate</c>, <c>ignored</c>); type
    /// <c>unverified</c> for a delivery that did not verify (outcome <c>rejected</c>) or was not checked because its
    /// source is over its limits (<c>rate_limited</c>).
    /// </summary>
    public static readonly Counter<long> StripeEvents =
        Meter.CreateCounter<long>("promostack.stripe.events", description: "Stripe webhook events, by type and outcome");

    /// <summary>
    /// Telegram webhook deliveries refused, by reason: <c>unauthorized</c> (unknown webhook, wrong or missing secret),
    /// <c>rate_limited</c> (the source is over its limits) or <c>malformed</c> (a proved delivery whose body is not an
    /// update). Accepted deliveries are not counted here: the request metrics count them.
    /// </summary>
    public static readonly Counter<long> TelegramWebhookRejections =
        Meter.CreateCounter<long>("promostack.telegram.webhook.rejections", description: "Telegram webhook deliveries refused, by reason");

    static Telemetry()
    {
        Meter.CreateObservableGauge("promostack.queue.depth", () => Backlog(q => q.Depth), description: "Unfinished items per queue (due or not)");
        Meter.CreateObservableGauge(
            "promostack.queue.oldest_age", () => Backlog(q => q.OldestDueSeconds), "s", "How long the oldest due item of each queue has waited");
    }

    private static IEnumerable<Measurement<double>> Backlog(Func<QueueBacklogEntry, double> value) =>
        QueueBacklog.Latest.Select(q => new Measurement<double>(value(q), new KeyValuePair<string, object?>("queue", q.Queue)));

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
