using Npgsql;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Jobs;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Jobs;

public sealed class WorkQueueTests(AppFixture fixture) : JobsTestBase(fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ConcurrentClaimers_NeverTakeTheSameItem()
    {
        await SeedTenantsAsync("alpha", "beta");
        await AddAsync("alpha", Enumerable.Range(0, 30).Select(i => (object)CrossPromo("alpha", $"a{i}")).ToArray());
        await AddAsync("beta", Enumerable.Range(0, 30).Select(i => (object)CrossPromo("beta", $"b{i}")).ToArray());

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            WithQueueAsync(q => q.ClaimAsync<int>(Queues.CrossPromoJobs, 20, Lease, CancellationToken.None))));

        var ids = claims.SelectMany(c => c).Select(c => c.Id).ToList();
        ids.Should().OnlyHaveUniqueItems().And.HaveCount(60);
        claims.SelectMany(c => c).Select(c => c.TenantId).Distinct().Should().BeEquivalentTo("alpha", "beta");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM crosspromo_jobs WHERE status = 'claimed' AND claimed_at IS NOT NULL")).Should().Be(60);
    }

    [Fact]
    public async Task ItemsNotYetDue_AreNotClaimed()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", CrossPromo("alpha", "later", dueIn: TimeSpan.FromMinutes(10)));

        (await Claim<int>(Queues.CrossPromoJobs)).Should().BeEmpty();
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Claim<int>(Queues.CrossPromoJobs)).Should().ContainSingle();
    }

    [Fact]
    public async Task AnExpiredLease_IsReclaimed_AndTheOldHolderCanNoLongerComplete()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var first = (await Claim<int>(Queues.BroadcastJobs)).Single();

        (await Claim<int>(Queues.BroadcastJobs)).Should().BeEmpty("the lease still holds");
        Factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = (await Claim<int>(Queues.BroadcastJobs)).Single();

        second.Id.Should().Be(first.Id);
        second.Attempts.Should().Be(2);
        (await WithQueueAsync(q => q.CompleteAsync(Queues.BroadcastJobs, first, CancellationToken.None))).Should().BeFalse();
        (await WithQueueAsync(q => q.CompleteAsync(Queues.BroadcastJobs, second, CancellationToken.None))).Should().BeTrue();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM broadcast_jobs")).Should().Be("completed");
        (await TestDatabase.ScalarAsync<bool>("SELECT completed_at IS NOT NULL AND locked_until IS NULL FROM broadcast_jobs")).Should().BeTrue();
    }

    [Fact]
    public async Task CompletingABatch_CompletesTheItemsStillHeld_AndReportsWhichLeasesWereLost()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var first = (await Claim<int>(Queues.BroadcastJobs)).Single();
        Factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Again", Now, "b2", Now));
        var second = await Claim<int>(Queues.BroadcastJobs);
        second.Should().HaveCount(2, "the first lease expired and the new job is due");
        var stolen = second.Single(w => w.Id == first.Id);
        var fresh = second.Single(w => w.Id != first.Id);

        var completed = await WithQueueAsync(q => q.CompleteManyAsync(Queues.BroadcastJobs, [first, fresh], CancellationToken.None));

        completed.Should().BeEquivalentTo([fresh.Id], "the first holder lost its lease to the second claim");
        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM broadcast_jobs WHERE id = {fresh.Id}")).Should().Be("completed");
        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM broadcast_jobs WHERE id = {stolen.Id}")).Should().NotBe("completed");
        (await WithQueueAsync(q => q.CompleteManyAsync(Queues.BroadcastJobs, [stolen], CancellationToken.None))).Should().BeEquivalentTo([stolen.Id]);
    }

    [Fact]
    public async Task AFailure_IsRetriedAfterABackoff_WithItsReasonRecorded()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var queue = Broadcasts(new RetryPolicy(5, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)));
        var claimed = (await Claim<int>(queue)).Single();

        (await WithQueueAsync(q => q.FailAsync(queue, claimed, "Telegram said 502", permanent: false, CancellationToken.None)))
            .Should().BeTrue();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM broadcast_jobs")).Should().Be("pending");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM broadcast_jobs")).Should().Be("Telegram said 502");
        var retryAt = await TestDatabase.ScalarAsync<DateTime>("SELECT next_attempt_at FROM broadcast_jobs");
        retryAt.Should().BeOnOrAfter(Now.UtcDateTime.AddSeconds(4.9)).And.BeOnOrBefore(Now.UtcDateTime.AddSeconds(10.1));
        (await Claim<int>(queue)).Should().BeEmpty("the backoff has not passed");
        Factory.Clock.Advance(TimeSpan.FromSeconds(11));
        (await Claim<int>(queue)).Single().Attempts.Should().Be(2);
    }

    [Fact]
    public async Task TheLastAttempt_FailsTheItemForGood()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var queue = Broadcasts(new RetryPolicy(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var claimed = (await Claim<int>(queue)).Single();
            await WithQueueAsync(q => q.FailAsync(queue, claimed, $"failure {attempt + 1}", false, CancellationToken.None));
            Factory.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM broadcast_jobs")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM broadcast_jobs")).Should().Be("failure 2");
        (await Claim<int>(queue)).Should().BeEmpty();
    }

    [Fact]
    public async Task AnItemWhoseWorkerKeepsDying_FailsOnceItsAttemptsAreSpent_InsteadOfBeingReclaimedForever()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var queue = Broadcasts(new RetryPolicy(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        (await Claim<int>(queue)).Should().ContainSingle();
        Factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        (await Claim<int>(queue)).Single().Attempts.Should().Be(2);
        Factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        (await Claim<int>(queue)).Should().BeEmpty();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM broadcast_jobs")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM broadcast_jobs")).Should().StartWith("Gave up");
    }

    [Fact]
    public async Task Renewing_ExtendsAHeldLease_ButNotOneThatWasLost()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var first = (await Claim<int>(Queues.BroadcastJobs)).Single();

        Factory.Clock.Advance(TimeSpan.FromSeconds(50));
        var renewed = await WithQueueAsync(q => q.RenewAsync(Queues.BroadcastJobs, first, Lease, CancellationToken.None));
        Factory.Clock.Advance(TimeSpan.FromSeconds(50));

        renewed.Should().NotBeNull();
        (await Claim<int>(Queues.BroadcastJobs)).Should().BeEmpty("the renewed lease still holds");
        Factory.Clock.Advance(Lease);
        var second = (await Claim<int>(Queues.BroadcastJobs)).Single();
        (await WithQueueAsync(q => q.RenewAsync(Queues.BroadcastJobs, renewed!, Lease, CancellationToken.None))).Should().BeNull();
        (await WithQueueAsync(q => q.CompleteAsync(Queues.BroadcastJobs, second, CancellationToken.None))).Should().BeTrue();
    }

    [Fact]
    public async Task APermanentFailure_IsNotRetried()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", BroadcastJob.Create("alpha", "Hello", Now, "b1", Now));
        var claimed = (await Claim<int>(Queues.BroadcastJobs)).Single();

        await WithQueueAsync(q => q.FailAsync(Queues.BroadcastJobs, claimed, "chat not found", permanent: true, CancellationToken.None));

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM broadcast_jobs")).Should().Be("failed");
    }

    [Fact]
    public async Task TheSameDedupeKey_CannotBeQueuedTwiceForATenant_ButMayForAnother()
    {
        await SeedTenantsAsync("alpha", "beta");
        await AddAsync("alpha", CrossPromo("alpha", "morning_news:2026-11-25"));

        var duplicate = () => AddAsync("alpha", CrossPromo("alpha", "morning_news:2026-11-25"));

        await duplicate.Should().ThrowAsync<PromoStack.Application.Common.Exceptions.ConflictException>();
        await AddAsync("beta", CrossPromo("beta", "morning_news:2026-11-25"));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM crosspromo_jobs")).Should().Be(2);
    }

    [Fact]
    public async Task ACrossPromoPostWhoseWorkerDied_IsFailed_NeverPostedTwice()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha", CrossPromo("alpha", "winning_signal:42"));
        await Claim<int>(Queues.CrossPromoJobs);

        Factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        (await Claim<int>(Queues.CrossPromoJobs)).Should().BeEmpty();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM crosspromo_jobs")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM crosspromo_jobs")).Should().Contain("lease expired");
    }

    [Fact]
    public async Task AnOutboxMessageWhoseSenderDied_IsUnknown_WhenAtMostOnceAndItsCallHadStarted_AndResentOtherwise()
    {
        await SeedTenantsAsync("alpha");
        await AddAsync("alpha",
            Outbox("alpha", DeliverySemantics.AtMostOnce, "post-started", -100123),
            Outbox("alpha", DeliverySemantics.AtMostOnce, "post-not-started", -100124),
            Outbox("alpha", DeliverySemantics.AtLeastOnce, "reply-1", -100125));
        (await Claim<long>(Queues.TelegramOutbox)).Should().HaveCount(3);
        await TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET send_started_at = now() WHERE dedupe_key = 'post-started'");

        Factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var reclaimed = await Claim<long>(Queues.TelegramOutbox);

        reclaimed.Should().HaveCount(2);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox WHERE dedupe_key = 'post-started'")).Should().Be("unknown");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox WHERE dedupe_key = 'post-not-started'")).Should().Be("sending");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox WHERE dedupe_key = 'reply-1'")).Should().Be("sending");
    }

    [Fact]
    public async Task AQueueWithoutAnInFlightStatus_HoldsItsClaimByTheLeaseAlone()
    {
        await SeedTenantsAsync("alpha");
        var journey = Journey.Create("alpha", "Welcome", null, Now);
        var step = JourneyStep.Create("alpha", journey.Id, 1, "message", "{}");
        var session = JourneyUserSession.Start("alpha", journey.Id, 1001, 1001, step.Id, Now);
        await AddAsync("alpha", journey, step, session,
            JourneyScheduledMessage.Schedule("alpha", session.Id, step.Id, 1001, "{}", Now, $"{session.Id}:{step.Id}:1"));

        var claimed = (await Claim<Guid>(Queues.JourneyScheduledMessages)).Single();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM journey_scheduled_messages")).Should().Be("pending");
        (await Claim<Guid>(Queues.JourneyScheduledMessages)).Should().BeEmpty();
        (await WithQueueAsync(q => q.CompleteAsync(Queues.JourneyScheduledMessages, claimed, CancellationToken.None))).Should().BeTrue();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM journey_scheduled_messages")).Should().Be("sent");
        (await TestDatabase.ScalarAsync<bool>("SELECT sent_at IS NOT NULL FROM journey_scheduled_messages")).Should().BeTrue();
    }

    [Fact]
    public void EveryQueueDefinition_UsesTransitionsItsEntityAllows()
    {
        Allowed(CrossPromoJob.Transitions, Queues.CrossPromoJobs).Should().BeTrue();
        Allowed(BroadcastJob.Transitions, Queues.BroadcastJobs).Should().BeTrue();
        Allowed(JourneyScheduledMessage.Transitions, Queues.JourneyScheduledMessages).Should().BeTrue();
        Allowed(TelegramOutboxMessage.Transitions, Queues.TelegramOutbox).Should().BeTrue();
        Allowed(TelegramUpdate.Transitions, Queues.TelegramInbox).Should().BeTrue();
        Queues.All.Select(q => q.Table).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ExpiringDeadWorkersLeases_ReadsOnlyTheRowsHeldNow_NotTheBacklog()
    {
        await SeedTenantsAsync("alpha");
        await TestDatabase.ExecuteAsync(
            "INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at) " +
            "SELECT 'alpha', 1, g, g, 'message', '{}'::jsonb, CASE WHEN g % 2 = 0 THEN 'processed' ELSE 'pending' END, now(), 0, now() " +
            "FROM generate_series(1, 20000) AS g");
        await TestDatabase.ExecuteAsync("ANALYZE telegram_updates");

        // The shape of the expiry each claim runs first (QueueSql.Expire): held by a worker whose lease has run out.
        var plan = await TestDatabase.ScalarAsync<string>(
            "EXPLAIN (FORMAT JSON) UPDATE telegram_updates SET status = 'failed', locked_until = NULL " +
            "WHERE status = 'processing' AND locked_until < now() AND attempts >= 10");

        plan.Should().Contain("ix_telegram_updates_leases").And.NotContain("Seq Scan");
        var leaseIndexes = await TestDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_' || tablename || '_leases' AND tablename = ANY(@p0) AND indexdef LIKE '%(locked_until) WHERE (locked_until IS NOT NULL)'",
            new object[] { Queues.All.Select(q => q.Table).ToArray() });
        leaseIndexes.Should().Be(Queues.All.Count, "every queue's claim expires leases first");
    }

    [Fact]
    public async Task AFairQueue_TakesTurnsBetweenTenants_SoOneTenantsBacklogDelaysNoOneElse()
    {
        await SeedTenantsAsync("alpha", "beta", "gamma");
        await InsertUpdatesAsync("alpha", count: 200, receivedAgo: TimeSpan.FromMinutes(2));
        await InsertUpdatesAsync("beta", count: 3, receivedAgo: TimeSpan.FromMinutes(1));
        await InsertUpdatesAsync("gamma", count: 1, receivedAgo: TimeSpan.FromSeconds(1));

        var claimed = await WithQueueAsync(q => q.ClaimAsync<long>(Queues.TelegramInbox, 6, Lease, CancellationToken.None));

        // Turns: every tenant's first (alpha, beta, gamma), then the second of those that have one (alpha, beta), then alpha's third, the oldest left.
        claimed.GroupBy(c => c.TenantId).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["alpha"] = 3, ["beta"] = 2, ["gamma"] = 1 });
        var oldestOfEach = await TestDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM telegram_updates WHERE status = 'processing' AND update_id <= CASE tenant_id WHEN 'alpha' THEN 3 ELSE 2 END");
        oldestOfEach.Should().Be(6, "each tenant's items are taken oldest first");
    }

    [Fact]
    public async Task TheFairClaim_FindsTheTenantsAndTheirItemsThroughItsIndex_NotByReadingTheBacklog()
    {
        await SeedTenantsAsync("alpha", "beta");
        await TestDatabase.ExecuteAsync(
            "INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at) " +
            "SELECT CASE WHEN g % 10 = 0 THEN 'beta' ELSE 'alpha' END, 1, g, g, 'message', '{}'::jsonb, CASE WHEN g % 3 = 0 THEN 'processed' ELSE 'pending' END, now(), 0, now() " +
            "FROM generate_series(1, 30000) AS g");
        await TestDatabase.ExecuteAsync("ANALYZE telegram_updates");
        var sql = (string)ClaimSql(Queues.TelegramInbox);

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection)
        {
            Parameters =
            {
                new("pending", "pending"), new("claimed", "processing"), new("now", DateTimeOffset.UtcNow), new("batch", 64),
                new("lockedUntil", DateTimeOffset.UtcNow.AddMinutes(1)),
                new("scope", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = DBNull.Value }, new("scopeTenant", NpgsqlTypes.NpgsqlDbType.Varchar) { Value = DBNull.Value },
            },
        };
        var plan = (string)(await explain.ExecuteScalarAsync())!;

        plan.Should().Contain("ix_telegram_updates_fair_claim").And.NotContain("Seq Scan")
            .And.NotContain("dedupe_key", "the loose scan of the tenants reads the unfinished rows only, not each tenant's history");
        Queues.All.Where(q => q.FairBetweenTenants).Select(q => q.Table)
            .Should().BeEquivalentTo(["telegram_updates", "broadcast_jobs", "domain_events"], "a reply, a broadcast's slice and an event take turns");
    }

    /// <summary>The claim statement the queue runs (internal to the mechanism), for its plan.</summary>
    private static object ClaimSql(QueueDefinition queue)
    {
        var sql = typeof(QueueDefinition).GetProperty("Sql", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(queue)!;
        return sql.GetType().GetProperty("Claim")!.GetValue(sql)!;
    }

    private async Task InsertUpdatesAsync(string tenant, int count, TimeSpan receivedAgo) =>
        await TestDatabase.ExecuteAsync(
            "INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at) " +
            "SELECT @p0, 1, g, g, 'message', '{}'::jsonb, 'pending', @p1 + make_interval(secs => g / 1000.0), 0, @p1 + make_interval(secs => g / 1000.0) " +
            "FROM generate_series(1, @p2) AS g",
            tenant, Now - receivedAgo, count);

    private static bool Allowed<TStatus>(PromoStack.Domain.Common.StateMachine<TStatus> machine, QueueDefinition queue) where TStatus : struct, Enum
    {
        TStatus Parse(string value) => PromoStack.Infrastructure.Persistence.EnumNames<TStatus>.Parse(value);
        bool Can(string from, string to) => from == to || machine.CanMove(Parse(from), Parse(to));
        return Can(queue.Pending, queue.Claimed) && Can(queue.Claimed, queue.Completed) && Can(queue.Claimed, queue.Failed)
            && Can(queue.Claimed, queue.Pending) && (queue.Abandon is null || Can(queue.Claimed, queue.Abandon.Status));
    }

    private static QueueDefinition Broadcasts(RetryPolicy retry) => QueueDefinition.For(
        "broadcast_jobs", BroadcastJobStatus.Pending, BroadcastJobStatus.Processing, BroadcastJobStatus.Completed, BroadcastJobStatus.Failed, retry);

    private Task<IReadOnlyList<ClaimedWork<TId>>> Claim<TId>(QueueDefinition queue) =>
        WithQueueAsync(q => q.ClaimAsync<TId>(queue, 10, Lease, CancellationToken.None));

    private CrossPromoJob CrossPromo(string tenant, string dedupeKey, TimeSpan? dueIn = null) =>
        CrossPromoJob.Schedule(tenant, "morning_news", "{}", Now + (dueIn ?? TimeSpan.Zero), dedupeKey, Now);

    /// <summary>A message to a chat of its own (one chat's messages are claimed one at a time, in order).</summary>
    private TelegramOutboxMessage Outbox(string tenant, DeliverySemantics delivery, string dedupeKey, long chat) =>
        TelegramOutboxMessage.Enqueue(tenant, new OutboxRequest("signal_bot", 111, chat, "sendMessage", "{}", delivery, OutboxPriority.Notification, "test", dedupeKey), Now);
}
