namespace PromoStack.Benchmarks.Faults;

/// <summary>
/// When a fault left the caller unsure whether a call was carried out — the only times an at-most-once message may end
/// unknown — and, when <paramref name="MayRepeat"/>, could leave a call carried out but not recorded (a kill, a
/// database restart, a Bot API answering after the caller gave up): the only times an at-least-once message may
/// arrive twice.
/// </summary>
internal sealed record FaultWindow(string Name, DateTimeOffset From, DateTimeOffset To, bool MayRepeat)
{
    /// <summary>Clock slack between the fake's and the database's timestamps and the suite's.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public bool Covers(DateTimeOffset at) => at >= From - Slack && at <= To + Slack;

    public override string ToString() => $"{Name} {From:HH:mm:ss.f}–{To:HH:mm:ss.f}";
}
