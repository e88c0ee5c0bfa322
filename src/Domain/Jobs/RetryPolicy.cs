namespace PromoStack.Domain.Jobs;

/// <summary>Exponential backoff with jitter and a final attempt count, shared by every queue.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30));

    public bool IsFinal(int attempts) => attempts >= MaxAttempts;

    /// <summary>Delay before the next attempt after <paramref name="attempts"/> failed ones; jitter in [0.5, 1.0].</summary>
    public TimeSpan DelayAfter(int attempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1.0);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var raw = BaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
