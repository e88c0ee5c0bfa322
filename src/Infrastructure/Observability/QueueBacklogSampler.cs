using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PromoStack.Infrastructure.Observability;

/// <summary>Keeps the queue backlog gauges fresh on instances that run the workers (a sample every 15 s).</summary>
public sealed partial class QueueBacklogSampler(QueueBacklog backlog, TimeProvider clock, ILogger<QueueBacklogSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await backlog.GetAsync(Every / 2, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSampleFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue backlog could not be sampled")]
    private partial void LogSampleFailed(Exception exception);
}
