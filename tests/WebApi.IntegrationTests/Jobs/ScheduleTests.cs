using System.Collections.Concurrent;
using System.Globalization;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Schedules;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Jobs;

public sealed class ScheduleTests(AppFixture fixture) : JobsTestBase(fixture)
{
    private readonly List<PromoStackFactory> _instances = [];

    public override async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoAppInstances_TickingTogether_RunASlotOnce()
    {
        var runs = new RunLog();
        var first = Instance(runs, start: At("2026-11-25T10:30:00Z"));
        var second = Instance(runs, start: At("2026-11-25T10:30:00Z"));

        var ran = await Task.WhenAll(Tick(first), Tick(second), Tick(first), Tick(second));

        runs.Of(HourlyJob.JobName).Should().Equal("2026-11-25T10:00Z");
        ran.SelectMany(r => r).Where(r => r.StartsWith(HourlyJob.JobName, StringComparison.Ordinal)).Should().ContainSingle();
    }

    [Fact]
    public async Task ASlotMissedWhileEveryInstanceWasDown_RunsOnTheNextTick()
    {
        var runs = new RunLog();
        var app = Instance(runs, start: At("2026-11-25T10:30:00Z"));
        await Tick(app);

        app.Clock.SetUtcNow(At("2026-11-25T13:10:00Z"));
        await Tick(app);
        await Tick(app);

        runs.Of(HourlyJob.JobName).Should().Equal("2026-11-25T10:00Z", "2026-11-25T13:00Z");
    }

    [Fact]
    public async Task AFailedRun_IsRetriedAfterABackoff_ThenNotAgain()
    {
        var runs = new RunLog { FailuresLeft = 1 };
        var app = Instance(runs, start: At("2026-11-25T10:30:00Z"));

        await Tick(app);
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM schedule_slots WHERE job = @p0", HourlyJob.JobName))
            .Should().Contain("planned failure");
        await Tick(app);
        runs.Of(HourlyJob.JobName).Should().BeEmpty("the retry waits for its backoff");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Tick(app);
        await Tick(app);

        runs.Of(HourlyJob.JobName).Should().Equal("2026-11-25T10:00Z");
        (await TestDatabase.ScalarAsync<int>("SELECT attempts FROM schedule_slots WHERE job = @p0", HourlyJob.JobName)).Should().Be(2);
        (await TestDatabase.ScalarAsync<bool>("SELECT completed_at IS NOT NULL FROM schedule_slots WHERE job = @p0", HourlyJob.JobName)).Should().BeTrue();
    }

    [Fact]
    public async Task ARunThatWouldOutliveItsLease_IsCancelled_AndItsSlotReleased()
    {
        var runs = new RunLog { Hang = true };
        var app = Instance(runs, start: At("2026-11-25T10:30:00Z"));

        var tick = Tick(app);
        await runs.Started.Task;
        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await tick;

        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM schedule_slots WHERE job = @p0", HourlyJob.JobName))
            .Should().Contain("Timed out");
        (await TestDatabase.ScalarAsync<bool>("SELECT completed_at IS NULL FROM schedule_slots WHERE job = @p0", HourlyJob.JobName)).Should().BeTrue();
    }

    [Fact]
    public async Task ASlotHeldByAnInstanceThatDied_IsTakenOverOnceItsLeaseExpires()
    {
        var runs = new RunLog();
        var app = Instance(runs, start: At("2026-11-25T10:30:00Z"));
        await TestDatabase.ExecuteAsync(
            "INSERT INTO schedule_slots (job, tenant_id, slot, claimed_at, locked_until) VALUES (@p0, '', '2026-11-25T10:00Z', @p1, @p2)",
            HourlyJob.JobName, At("2026-11-25T10:29:00Z"), At("2026-11-25T10:39:00Z"));

        await Tick(app);
        runs.Of(HourlyJob.JobName).Should().BeEmpty("the other instance's lease still holds");

        app.Clock.SetUtcNow(At("2026-11-25T10:40:00Z"));
        await Tick(app);
        runs.Of(HourlyJob.JobName).Should().Equal("2026-11-25T10:00Z");
    }

    [Fact]
    public async Task APerTenantJob_RunsAtEachTenantsLocalTime_WithThatTenantSet()
    {
        await using (var db = TestDatabase.CreateContext("london"))
        {
            db.Tenants.Add(Tenant.Create("london", "London", "Europe/London", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using (var db = TestDatabase.CreateContext("tokyo"))
        {
            db.Tenants.Add(Tenant.Create("tokyo", "Tokyo", "Asia/Tokyo", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var runs = new RunLog();
        var app = Instance(runs, start: At("2026-07-01T06:30:00Z"));

        await Tick(app);
        runs.Of(MorningJob.JobName).Should().BeEquivalentTo("tokyo:2026-07-01", "london:2026-06-30");

        app.Clock.SetUtcNow(At("2026-07-01T07:00:00Z"));
        await Tick(app);
        runs.Of(MorningJob.JobName).Should().BeEquivalentTo("tokyo:2026-07-01", "london:2026-06-30", "london:2026-07-01");
    }

    [Fact]
    public async Task AJob_RunsOnlyForTheTenantsItsAudienceNames_SoATenantWithTheFeatureOffCostsNoSlot()
    {
        await SeedTenantsAsync("engine-on", "engine-off");
        await using (var db = TestDatabase.CreateContext("engine-on"))
        {
            db.ForexConfig.Add(ForexConfig.Create("engine-on", "enabled", "true"));
            await db.SaveChangesAsync();
        }

        var app = Instance(new RunLog(), start: At("2026-11-25T10:30:00Z"));
        await Tick(app);

        (await TestDatabase.ScalarAsync<string[]>("SELECT array_agg(tenant_id ORDER BY tenant_id) FROM schedule_slots WHERE job = 'forex-check'"))
            .Should().Equal(["engine-on"], "the check runs for a tenant whose engine is on, and costs nothing for one whose engine is off");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM schedule_slots WHERE job = 'forex-monitor'")).Should().Be(0, "no tenant has an open signal");
        (await TestDatabase.ScalarAsync<string[]>("SELECT array_agg(tenant_id ORDER BY tenant_id) FROM schedule_slots WHERE job = 'subscription-sweep'"))
            .Should().Equal(["engine-off", "engine-on"], "a job for every tenant still runs for every tenant");
        (await TestDatabase.ScalarAsync<string[]>("SELECT array_agg(DISTINCT job ORDER BY job) FROM schedule_slots WHERE tenant_id = 'engine-off' AND job NOT LIKE 'test-%'"))
            .Should().Equal(["subscription-sweep"], "no signal, cross-promotion, live campaign or coupon render: no recap, plan, date check or purge");
    }

    [Fact]
    public async Task ASlowTenantsJob_HoldsUpNoOtherTenant()
    {
        await SeedTenantsAsync("aaa-slow", "bbb", "ccc", "ddd");
        var runs = new RunLog();
        var app = Instance(runs, start: At("2026-11-25T10:30:00Z"));

        var tick = Tick(app);
        await runs.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (runs.Of(SlowTenantJob.JobName).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        runs.Of(SlowTenantJob.JobName).Should().BeEquivalentTo(["bbb", "ccc", "ddd"], "the other tenants' runs went on while the slow one's hung");
        tick.IsCompleted.Should().BeFalse("the tick waits for the slow run");
        runs.ReleaseSlow.SetResult();
        await tick;
        runs.Of(SlowTenantJob.JobName).Should().BeEquivalentTo(["aaa-slow", "bbb", "ccc", "ddd"]);
    }

    private PromoStackFactory Instance(RunLog runs, DateTimeOffset start)
    {
        var factory = new PromoStackFactory(Identity)
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start),
            ConfigureServices = services =>
            {
                services.AddSingleton(runs);
                services.AddScoped<IScheduledJob, HourlyJob>();
                services.AddScoped<IScheduledJob, MorningJob>();
                services.AddScoped<IScheduledJob, SlowTenantJob>();
            },
        };
        _instances.Add(factory);
        return factory;
    }

    private static Task<IReadOnlyList<string>> Tick(PromoStackFactory app) =>
        app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public sealed class RunLog
    {
        private readonly ConcurrentQueue<(string Job, string Slot)> _runs = new();

        public int FailuresLeft { get; set; }

        /// <summary>The hourly job waits until it is cancelled.</summary>
        public bool Hang { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The slow tenant's run has started (and waits for <see cref="ReleaseSlow"/>).</summary>
        public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseSlow { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Record(string job, string slot) => _runs.Enqueue((job, slot));

        public IReadOnlyList<string> Of(string job) => _runs.Where(r => r.Job == job).Select(r => r.Slot).ToList();
    }

    private sealed class HourlyJob(RunLog runs) : IScheduledJob
    {
        public const string JobName = "test-hourly";

        public string Name => JobName;

        public bool PerTenant => false;

        public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromHours(1), now);

        public async Task RunAsync(string slot, CancellationToken cancellationToken)
        {
            await Task.Yield();
            runs.Started.TrySetResult();
            if (runs.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            if (runs.FailuresLeft > 0)
            {
                runs.FailuresLeft--;
                throw new InvalidOperationException("planned failure");
            }

            runs.Record(JobName, slot);
        }
    }

    private sealed class MorningJob(RunLog runs, ITenantContext tenant) : IScheduledJob
    {
        public const string JobName = "test-morning";

        public string Name => JobName;

        public bool PerTenant => true;

        public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.DailyAt(new TimeOnly(8, 0), now, zone);

        public Task RunAsync(string slot, CancellationToken cancellationToken)
        {
            runs.Record(JobName, $"{tenant.RequiredTenantId}:{slot}");
            return Task.CompletedTask;
        }
    }

    /// <summary>Every five minutes for each tenant; the run of a tenant whose id ends in "-slow" hangs until released.</summary>
    private sealed class SlowTenantJob(RunLog runs, ITenantContext tenant) : IScheduledJob
    {
        public const string JobName = "test-slow-tenant";

        public string Name => JobName;

        public bool PerTenant => true;

        public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(5), now);

        public async Task RunAsync(string slot, CancellationToken cancellationToken)
        {
            if (tenant.RequiredTenantId.EndsWith("-slow", StringComparison.Ordinal))
            {
                runs.SlowStarted.TrySetResult();
                await runs.ReleaseSlow.Task.WaitAsync(cancellationToken);
            }

            runs.Record(JobName, tenant.RequiredTenantId);
        }
    }
}
