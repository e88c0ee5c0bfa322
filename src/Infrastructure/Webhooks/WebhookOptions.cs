namespace PromoStack.Infrastructure.Webhooks;

/// <summary>
/// <c>Webhooks__*</c>: how much the Telegram and Stripe webhooks take from one source address (an IPv4 address, or an
/// IPv6 /64, after the known proxies' <c>X-Forwarded-For</c>) per window of <see cref="WindowSeconds"/>. Telegram and
/// Stripe deliver every customer's traffic from a few shared addresses, so nothing here refuses a delivery that
/// proves itself from memory: only failed deliveries and the database work they would cause are limited.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The length of a counting window; a limited source is told to retry when its window ends.</summary>
    public int WindowSeconds { get; set; } = 10;

    /// <summary>
    /// Failed deliveries (unknown webhook, wrong or missing secret, bad or stale signature) one source may send per
    /// window. Past it the source gets no database work (no lookup of an id or tenant not in memory, no second read
    /// of a secret): a delivery that proves itself from memory is still taken, anything else is a 429.
    /// </summary>
    public int FailuresPerSource { get; set; } = 30;

    /// <summary>
    /// Deliveries of any kind one source may send per window, then 429 before any check: far above a busy bot's
    /// thousands a second or Stripe's 1,000 events a second (default 100,000 per 10 s).
    /// </summary>
    public int RequestsPerSource { get; set; } = 100_000;

    /// <summary>
    /// Sources counted per window (memory: about 100 bytes each). Sources beyond it in one window are treated as
    /// limited: they are answered from memory only, so a flood from many addresses costs the database at most
    /// <c>TrackedSources × FailuresPerSource</c> lookups per window.
    /// </summary>
    public int TrackedSources { get; set; } = 1_000;

    /// <summary>What stops start-up, each naming its environment variable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(WindowSeconds), WindowSeconds), (nameof(FailuresPerSource), FailuresPerSource),
                     (nameof(RequestsPerSource), RequestsPerSource), (nameof(TrackedSources), TrackedSources),
                 })
        {
            if (value < 1)
            {
                yield return $"Webhooks__{name} must be at least 1 (it is {value}).";
            }
        }
    }
}
