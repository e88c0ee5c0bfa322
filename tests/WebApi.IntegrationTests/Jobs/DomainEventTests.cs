using System.Collections.Concurrent;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Jobs;

public sealed class DomainEventTests(AppFixture fixture) : JobsTestBase(fixture)
{
    private readonly HandlerLog _log = new();
    private PromoStackFactory _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new PromoStackFactory(Identity)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton(_log);
                services.AddScoped<IDomainEventHandler<SubscriptionRenewed>, RecordingHandler>();
                services.AddScoped<IDomainEventHandler<SubscriptionRenewed>, FlakyHandler>();
            },
        };
        await SeedTenantsAsync("alpha", "beta");
    }

    public override async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnEvent_IsStoredInTheTransactionOfItsChange_WithTheNewRowsId()
    {
        var subscriptionId = await RenewSubscriptionAsync("alpha");

        var payload = await TestDatabase.ScalarAsync<string>("SELECT payload::text FROM domain_events WHERE event_type = 'SubscriptionRenewed'");
        payload.Should().Contain($"\"subscriptionId\": {subscriptionId}").And.Contain("\"tenantId\": \"alpha\"");
        (await TestDatabase.ScalarAsync<string>("SELECT tenant_id FROM domain_events")).Should().Be("alpha");
    }

    [Fact]
    public async Task AChangeThatRollsBack_LeavesNoEvent()
    {
        var act = () => InAppTenantAsync("alpha", services => services.GetRequiredService<IUnitOfWork>().InTransactionAsync<bool>(async ct =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.TelegramSubscriptions.Add(Renewed("alpha"));
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("the command failed after saving");
        }, CancellationToken.None));

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM domain_events")).Should().Be(0);
    }

    [Fact]
    public async Task ACommit_WakesTheDispatcher()
    {
        var signal = _app.Services.GetRequiredService<WorkSignal>();
        (await signal.WaitAsync(Queues.DomainEvents, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse();

        await RenewSubscriptionAsync("alpha");

        (await signal.WaitAsync(Queues.DomainEvents, TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Dispatch_RunsEachHandlerOnce_InTheEventsTenant_AfterCommit()
    {
        var subscriptionId = await RenewSubscriptionAsync("alpha");
        _log.Calls.Should().BeEmpty("handlers run after commit, by the dispatcher");

        await DispatchAsync();
        await DispatchAsync();

        _log.Calls.Should().BeEquivalentTo([$"{nameof(RecordingHandler)}:alpha:{subscriptionId}", $"{nameof(FlakyHandler)}:alpha:{subscriptionId}"]);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM domain_events")).Should().Be("dispatched");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM domain_event_handlings")).Should().Be(2);
        (await TestDatabase.ScalarAsync<string>("SELECT setting_value FROM bot_config WHERE tenant_id = 'alpha'"))
            .Should().Be(subscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "a handler's own writes commit with it");
    }

    [Fact]
    public async Task AFailingHandler_IsRetriedWithBackoff_WithoutRerunningTheOnesThatSucceeded()
    {
        _log.FlakyFailuresLeft = 1;
        var subscriptionId = await RenewSubscriptionAsync("alpha");

        await DispatchAsync();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM domain_events")).Should().Be("pending");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM domain_events")).Should().Contain("flaky");
        await DispatchAsync();
        _log.Calls.Should().ContainSingle("the retry waits for its backoff");

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();

        _log.Calls.Should().BeEquivalentTo([$"{nameof(RecordingHandler)}:alpha:{subscriptionId}", $"{nameof(FlakyHandler)}:alpha:{subscriptionId}"]);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM domain_events")).Should().Be("dispatched");
    }

    [Fact]
    public async Task AHandlerThatKeepsFailing_IsRetriedWithAGrowingBackoff_CappedAtAnHour()
    {
        _log.FlakyFailuresLeft = int.MaxValue;
        await RenewSubscriptionAsync("alpha");

        for (var attempt = 0; attempt < 15; attempt++)
        {
            await DispatchAsync();
            _app.Clock.Advance(TimeSpan.FromHours(1));
        }

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM domain_events")).Should().Be("pending");
        (await TestDatabase.ScalarAsync<int>("SELECT attempts FROM domain_events")).Should().Be(15);
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM domain_events")).Should().Contain("flaky");
        var retryIn = await TestDatabase.ScalarAsync<TimeSpan>("SELECT next_attempt_at - @p0 FROM domain_events", _app.Clock.GetUtcNow());
        retryIn.Should().BeLessThanOrEqualTo(TimeSpan.Zero, "the backoff never exceeds an hour");
        _log.Calls.Count(c => c.StartsWith(nameof(RecordingHandler), StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task AnEventThatCannotBeRead_FailsForGood_WithTheReason()
    {
        await RenewSubscriptionAsync("alpha");
        await TestDatabase.ExecuteAsync("UPDATE domain_events SET event_type = 'SignalVanished'");

        await DispatchAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM domain_events")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM domain_events")).Should().Contain("SignalVanished");
        _log.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task AHandlerThatHangs_IsCancelledBeforeItsLeaseEnds_AndRetried()
    {
        _log.Hang = true;
        await RenewSubscriptionAsync("alpha");

        var dispatch = DispatchAsync();
        await _log.HangStarted.Task;
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await dispatch;

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM domain_events")).Should().Be("pending");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM domain_events")).Should().Contain("Timed out");
    }

    [Fact]
    public void EveryEventTheFeaturesAgreeOn_IsARegisteredDomainEventType()
    {
        DomainEventTypes.All.Select(t => t.Name).Should().BeEquivalentTo(
            "UserJoinedChannel", "SignalTargetHit",
            "SubscriptionActivated", "SubscriptionRenewed", "SubscriptionCancelled", "SubscriptionExpired");
        var joined = new UserJoinedChannel("alpha", 5_000_000_000, ChannelKind.Vip, "https://t.me/+abc");
        DomainEventTypes.Deserialize("UserJoinedChannel", DomainEventTypes.Serialize(joined)).Should().Be(joined);
        DomainEventTypes.Serialize(joined).Should().Contain("\"channel\":\"vip\"");
    }

    private async Task<int> RenewSubscriptionAsync(string tenant)
    {
        var subscription = Renewed(tenant);
        await InAppTenantAsync(tenant, services => services.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.TelegramSubscriptions.Add(subscription);
            return await db.SaveChangesAsync(ct);
        }, CancellationToken.None));
        return subscription.Id;
    }

    /// <summary>
    /// An active subscription renewed once, so its one event to store is <see cref="SubscriptionRenewed"/> (which no
    /// feature handles yet); the activation's event, whose real handlers are not the subject here, is dropped.
    /// </summary>
    private TelegramSubscription Renewed(string tenant)
    {
        var subscription = TelegramSubscription.BeginCheckout(tenant, PlanType.Monthly, null, Now);
        subscription.Activate(Now.AddMonths(1), Now);
        subscription.DequeueEvents();
        subscription.Renew(Now.AddMonths(2), Now);
        return subscription;
    }

    private Task DispatchAsync() => _app.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);

    private Task InAppTenantAsync(string tenant, Func<IServiceProvider, Task> work) =>
        _app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>()
            .RunAsync(tenant, (services, _) => work(services), CancellationToken.None);

    public sealed class HandlerLog
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public int FlakyFailuresLeft { get; set; }

        public bool Hang { get; set; }

        public TaskCompletionSource HangStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class RecordingHandler(HandlerLog log, ITenantContext tenant, IAppDbContext db) : IDomainEventHandler<SubscriptionRenewed>
    {
        public async Task HandleAsync(SubscriptionRenewed domainEvent, CancellationToken cancellationToken)
        {
            db.BotConfig.Add(BotConfig.Create(tenant.RequiredTenantId, "last_renewal_seen", domainEvent.SubscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await db.SaveChangesAsync(cancellationToken);
            log.Calls.Enqueue($"{nameof(RecordingHandler)}:{tenant.RequiredTenantId}:{domainEvent.SubscriptionId}");
        }
    }

    private sealed class FlakyHandler(HandlerLog log, ITenantContext tenant) : IDomainEventHandler<SubscriptionRenewed>
    {
        public async Task HandleAsync(SubscriptionRenewed domainEvent, CancellationToken cancellationToken)
        {
            if (log.Hang)
            {
                log.HangStarted.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            if (log.FlakyFailuresLeft > 0)
            {
                log.FlakyFailuresLeft--;
                throw new InvalidOperationException("flaky handler failed");
            }

            log.Calls.Enqueue($"{nameof(FlakyHandler)}:{tenant.RequiredTenantId}:{domainEvent.SubscriptionId}");
        }
    }
}
