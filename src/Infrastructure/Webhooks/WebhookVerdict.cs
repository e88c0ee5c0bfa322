namespace PromoStack.Infrastructure.Webhooks;

/// <summary>
/// What a webhook gate made of a delivery: <see cref="Admitted"/> (what it proved: the bot, the verified event);
/// otherwise refused (401 or 400), or <see cref="Limited"/> (429: the source's limits, see <see cref="WebhookSource"/>).
/// </summary>
public readonly record struct WebhookVerdict<T>(T? Admitted, bool Limited) where T : class;

/// <summary>The verdicts a gate gives.</summary>
public static class WebhookVerdict
{
    public static WebhookVerdict<T> Admit<T>(T admitted) where T : class => new(admitted, false);

    /// <summary>Not checked at all: the source is over its limits (see <see cref="WebhookSource"/>).</summary>
    public static WebhookVerdict<T> Limit<T>() where T : class => new(null, true);

    /// <summary>A failed delivery, counted against its source: refused, or limited once the source has failed too often.</summary>
    public static WebhookVerdict<T> Fail<T>(WebhookSource source) where T : class => new(null, source.Fail());
}
