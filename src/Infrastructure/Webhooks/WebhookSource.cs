namespace PromoStack.Infrastructure.Webhooks;

/// <summary>Where one webhook delivery came from, as <see cref="WebhookSources"/> counted it in the current window.</summary>
public readonly struct WebhookSource
{
    private readonly WebhookSources _sources;
    private readonly WebhookSources.Window _window;
    private readonly WebhookSources.Counts? _counts;

    internal WebhookSource(WebhookSources sources, WebhookSources.Window window, WebhookSources.Counts? counts, bool isOverRequestCap)
    {
        _sources = sources;
        _window = window;
        _counts = counts;
        IsOverRequestCap = isOverRequestCap;
    }

    /// <summary>More deliveries than <see cref="WebhookOptions.RequestsPerSource"/> this window: a 429 before any check.</summary>
    public bool IsOverRequestCap { get; }

    /// <summary>
    /// No database work for this source until the window ends: it has failed <see cref="WebhookOptions.FailuresPerSource"/>
    /// times, or the window had no room to count it. Its deliveries are checked against memory only.
    /// </summary>
    public bool IsLimited => _counts is null || Volatile.Read(ref _counts.Failures) >= _sources.FailuresPerSource;

    /// <summary>When the source's window ends, for <c>Retry-After</c>.</summary>
    public TimeSpan RetryAfter => _sources.Remaining(_window);

    /// <summary>Counts a failed delivery; true when the source had already failed its limit (answer 429, not 401/400).</summary>
    public bool Fail() => _counts is null || Interlocked.Increment(ref _counts.Failures) > _sources.FailuresPerSource;
}
