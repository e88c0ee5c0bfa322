using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Jobs;

/// <summary>
/// Drives every queue worker in a loop: a batch, then — when the queue was empty — a wait for a commit signal or
/// the poll interval. Off when <c>Workers__Enabled=false</c> (tests run workers explicitly).
/// </summary>
public sealed partial class QueueWorkerHost(
    IEnumerable<IQueueWorker> workers, WorkSignal signal, IOptions<WorkerOptions> options, ILogger<QueueWorkerHost> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(workers.Select(worker => RunAsync(worker, stoppingToken)));

    /// <summary>A clean shutdown (e.g. a deployment) lets the workers hand over what they hold, instead of others waiting for leases to run out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var worker in workers)
        {
            try
            {
                await worker.ReleaseAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReleaseFailed(exception, worker.Queue.Table);
            }
        }
    }

    private async Task RunAsync(IQueueWorker worker, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await worker.RunOnceAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(worker.Queue, poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogWorkerFailed(exception, worker.Queue.Table);
                await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Queue} worker could not hand over its leases on shutdown; they will expire")]
    private partial void LogReleaseFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Queue} worker failed; it carries on after the poll interval")]
    private partial void LogWorkerFailed(Exception exception, string queue);
}
