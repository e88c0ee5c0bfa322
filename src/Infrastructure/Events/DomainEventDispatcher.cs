using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Common;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Events;

/// <summary>
/// Delivers committed domain events to their in-process handlers. Each handler runs in its own scope and
/// transaction with the event's tenant set, and records that it ran in that same transaction: a handler that
/// succeeded is never run again for that event, and one that failed is retried with backoff until it succeeds.
/// An event that cannot be read fails for good with the reason.
/// </summary>
public sealed partial class DomainEventDispatcher(
    WorkQueue workQueue, TenantScopes tenantScopes, TimeProvider clock, ILogger<DomainEventDispatcher> logger)
    : QueueWorker<Guid>(workQueue, clock, logger)
{
    private static readonly MethodInfo InvokeMethod =
        typeof(DomainEventDispatcher).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<object, IDomainEvent, CancellationToken, Task>> Invokers = new();

    public override QueueDefinition Queue => Queues.DomainEvents;

    protected override async Task<WorkOutcome> ProcessAsync(ClaimedWork<Guid> work, CancellationToken cancellationToken)
    {
        var (payload, pending) = await tenantScopes.RunAsync(work.TenantId, async (services, ct) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var record = await db.DomainEvents.AsNoTracking().Where(e => e.Id == work.Id)
                .Select(e => new { e.EventType, e.Payload, Done = db.DomainEventHandlings.Where(h => h.EventId == e.Id).Select(h => h.Handler).ToList() })
                .SingleAsync(ct);
            return ((record.EventType, record.Payload), record.Done);
        }, cancellationToken);

        IDomainEvent domainEvent;
        try
        {
            domainEvent = DomainEventTypes.Deserialize(payload.EventType, payload.Payload);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or UnknownDomainEventException)
        {
            return WorkOutcome.Fail($"The event cannot be read: {exception.Message}");
        }

        string? error = null;
        foreach (var name in await HandlerNamesAsync(work.TenantId, domainEvent, cancellationToken))
        {
            if (pending.Contains(name))
            {
                continue;
            }

            try
            {
                await RunHandlerAsync(work, domainEvent, name, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(Logger, exception, name, domainEvent.GetType().Name, work.Id);
                error = $"{name}: {exception.GetType().Name}: {exception.Message}";
            }
        }

        return error is null ? WorkOutcome.Completed : WorkOutcome.Retry(error);
    }

    private Task<List<string>> HandlerNamesAsync(string tenantId, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(tenantId, (services, _) => Task.FromResult(Handlers(services, domainEvent).Select(HandlerName).ToList()), cancellationToken);

    private Task RunHandlerAsync(ClaimedWork<Guid> work, IDomainEvent domainEvent, string name, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(work.TenantId, (services, ct) =>
            services.GetRequiredService<IUnitOfWork>().InTransactionAsync(async innerCt =>
            {
                var handler = Handlers(services, domainEvent).Single(h => HandlerName(h) == name);
                var invoke = Invokers.GetOrAdd(domainEvent.GetType(), type =>
                    InvokeMethod.MakeGenericMethod(type).CreateDelegate<Func<object, IDomainEvent, CancellationToken, Task>>());
                await invoke(handler, domainEvent, innerCt);
                var db = services.GetRequiredService<AppDbContext>();
                db.DomainEventHandlings.Add(DomainEventHandling.Record(work.Id, name, work.TenantId, Clock.GetUtcNow()));
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
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string eventType, Guid eventId);
}
