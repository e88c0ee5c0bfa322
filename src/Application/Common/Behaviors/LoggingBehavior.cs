using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Common.Behaviors;

/// <summary>Logs each message's name, tenant and elapsed time. Never the payload: it may hold personal data or secrets.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger, ITenantContext tenant)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(typeof(TMessage).Name, tenant.TenantId ?? "-", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            LogFailed(typeof(TMessage).Name, tenant.TenantId ?? "-", Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} for tenant {Tenant} handled in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string message, string tenant, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} for tenant {Tenant} failed after {ElapsedMs:F1} ms with {Exception}")]
    private partial void LogFailed(string message, string tenant, double elapsedMs, string exception);
}
