using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Events;

/// <summary>
/// Delivers committed domain events to their in-process handlers. Each handler runs in its own scope and
/// transaction with the event's tenant set, and records that it ran in that same transaction: a handler that
/// succeeded is never run again for that event, and one that failed is retried with backoff until it succeeds
/// or the retry policy gives up (the event is then <c>failed</c> with the reason).
/// </summary>
public sealed partial class DomainEventDispatcher(
    IServiceScopeFactory scopeFactory, TenantScopes tenantScopes, TimeProvider clock, ILogger<DomainEventDispatcher> logger) : IQueueWorker
{
    public static readonly RetryPolicy Retry = new(10, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(30));

    private static readonly MethodInfo InvokeMethod =
        typeof(DomainEventDispatcher).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<object, IDomainEvent, CancellationToken, Task>> Invokers = new();

    public QueueDefinition Queue => Queues.DomainEvents;

    public int BatchSize { get; init; } = 50;

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ClaimedWork<Guid>> claimed;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<WorkQueue>().ClaimAsync<Guid>(Queue, BatchSize, Lease, cancellationToken);
        }

        foreach (var work in claimed)
        {
            var (error, permanent) = await DispatchAsync(work, cancellationToken);
            await using var scope = scopeFactory.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<WorkQueue>();
            if (error is null)
            {
                await queue.CompleteAsync(Queue, work, cancellationToken);
            }
            else
            {
                await queue.FailAsync(Queue, work, error, Retry, permanent, cancellationToken);
            }
        }

        return claimed.Count;
    }

    private async Task<(string? Error, bool Permanent)> DispatchAsync(ClaimedWork<Guid> work, CancellationToken cancellationToken)
    {
        IDomainEvent domainEvent;
        List<string> pending;
        try
        {
            (domainEvent, pending) = await tenantScopes.RunAsync(work.TenantId, async (services, ct) =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var record = await db.DomainEvents.AsNoTracking().SingleAsync(e => e.Id == work.Id, ct);
                var done = await db.DomainEventHandlings.AsNoTracking().Where(h => h.EventId == work.Id).Select(h => h.Handler).ToListAsync(ct);
                var readEvent = DomainEventTypes.Deserialize(record.EventType, record.Payload);
                var names = Handlers(services, readEvent).Select(h => HandlerName(h)).Except(done).ToList();
                return (readEvent, names);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Text.Json.JsonException)
        {
            return ($"The event cannot be read: {exception.Message}", true);
        }

        string? error = null;
        foreach (var name in pending)
        {
            try
            {
                await RunHandlerAsync(work, domainEvent, name, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(exception, name, domainEvent.GetType().Name, work.Id);
                error = $"{name}: {exception.GetType().Name}: {exception.Message}";
            }
        }

        return (error, false);
    }

    private Task RunHandlerAsync(ClaimedWork<Guid> work, IDomainEvent domainEvent, string name, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(work.TenantId, (services, ct) =>
            services.GetRequiredService<IUnitOfWork>().InTransactionAsync(async innerCt =>
            {
                var handler = Handlers(services, domainEvent).Single(h => HandlerName(h) == name);
                var invoke = Invokers.GetOrAdd(domainEvent.GetType(), type =>
                    InvokeMethod.MakeGenericMethod(type).CreateDelegate<Func<object, IDomainEvent, CancellationToken, Task>>());
                await invoke(handler, domainEvent, innerCt);
                var db = services.GetRequiredService<AppDbContext>();
                db.DomainEventHandlings.Add(DomainEventHandling.Record(work.Id, name, work.TenantId, clock.GetUtcNow()));
                await db.SaveChangesAsync(innerCt);
                return true;
            }, ct), cancellationToken);

    private static IEnumerable<object> Handlers(IServiceProvider services, IDomainEvent domainEvent) =>
        services.GetServices(typeof(IDomainEventHandler<>).MakeGenericType(domainEvent.GetType())).OfType<object>();

    private static string HandlerName(object handler) => handler.GetType().FullName!;

    private static Task InvokeTyped<TEvent>(object handler, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent =>
        ((IDomainEventHandler<TEvent>)handler).HandleAsync((TEvent)domainEvent, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} failed on {EventType} {EventId}; it will be retried")]
    private partial void LogHandlerFailed(Exception exception, string handler, string eventType, Guid eventId);
}
