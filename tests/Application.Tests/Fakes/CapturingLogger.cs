using Microsoft.Extensions.Logging;

namespace PromoStack.Application.Tests.Fakes;

internal sealed record LogEntry(LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    /// <summary>Everything a log sink could see of the entry, as text.</summary>
    public string AllText =>
        string.Join('\n', new[] { Message, Exception?.ToString() ?? string.Empty }
            .Concat(State.Select(kv => $"{kv.Key}={kv.Value}")));
}

internal sealed class CapturingLogger<T> : ILogger<T>
{
    public List<LogEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Add(new LogEntry(logLevel, formatter(state, exception), [.. values], exception));
    }
}
