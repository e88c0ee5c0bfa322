using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>Every log entry the app writes (above the configured levels), for tests about what an operator sees.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Category(CapturedLogs sink, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Messages.Enqueue((logLevel, name, formatter(state, exception)));
    }
}
