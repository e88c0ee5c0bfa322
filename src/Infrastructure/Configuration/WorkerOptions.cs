namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Workers__*</c>: background workers and schedules (off in tests, which run them explicitly).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Workers";

    public bool Enabled { get; set; } = true;

    public int PollIntervalMilliseconds { get; set; } = 1000;
}
