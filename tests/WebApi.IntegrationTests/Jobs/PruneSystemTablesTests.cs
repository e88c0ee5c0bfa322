using PromoStack.Application.Common.Abstractions;
using PromoStack.Infrastructure.Schedules;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Jobs;

/// <summary>
/// The hourly prune forgets finished system rows past their retention, in batches, and never what something still
/// needs: a delivery others depend on, an open signal's post, a pending update, a tenant's newest Stripe event.
/// </summary>
public sealed class PruneSystemTablesTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Outbox =
        "INSERT INTO telegram_outbox (id, tenant_id, bot_role, bot_telegram_id, chat_id, method, payload, delivery, priority, kind, status, attempts, next_attempt_at, created_at, depends_on_id) ";

    [Fact]
    public async Task OldFinishedRows_AreForgotten_WhatIsStillNeeded_Stays()
    {
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
        var old = Factory.Clock.GetUtcNow() - TimeSpan.FromDays(40);
        var recent = Factory.Clock.GetUtcNow() - TimeSpan.FromDays(1);
        const string row = "'alpha', 'message_bot', 1, 10, 'sendMessage', '{}', 'at_least_once', 2, 'test'";
        await TestDatabase.ExecuteAsync(
            Outbox + $"VALUES (1, {row}, 'sent', 1, @p0, @p0, NULL), (2, {row}, 'sent', 1, @p0, @p0, NULL), (3, {row}, 'pending', 0, @p1, @p1, 2), " +
            $"(4, {row}, 'sent', 1, @p0, @p0, NULL), (5, {row}, 'sent', 1, @p0, @p0, 4), (6, {row}, 'sent', 1, @p0, @p0, NULL), " +
            $"(7, {row}, 'sent', 1, @p1, @p1, NULL), (8, {row}, 'sent', 1, @p0, @p0, NULL), (9, {row}, 'sent', 1, @p1, @p1, 8), " +
            $"(10, {row}, 'failed', 5, @p0, @p0, NULL)",
            old, recent);
        await TestDatabase.ExecuteAsync(
            """
            INSERT INTO forex_signals (tenant_id, symbol, direction, timeframe, entry_price, stop_loss, current_stop, status, indicators_used, strategy, source,
                                       partials, breakeven_after_tp1, trail_to_tp1_after_tp2, targets_hit, created_at, telegram_post_outbox_id, closed_at)
            VALUES ('alpha', 'XAUUSD', 'buy', '15m', 2000, 1990, 1990, 'active', '{}', 'trend', 'live', 'thirds', true, true, 0, @p0, 6, NULL),
                   ('alpha', 'XAUUSD', 'buy', '15m', 2000, 1990, 1990, 'sl_hit', '{}', 'trend', 'live', 'thirds', true, true, 0, @p0, 1, @p0)
            """,
            old);
        await TestDatabase.ExecuteAsync(
            """
            INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at)
            VALUES ('alpha', 1, 1, 10, 'message', '{}', 'processed', @p0, 1, @p0), ('alpha', 1, 2, 10, 'message', '{}', 'pending', @p0, 0, @p0),
                   ('alpha', 1, 3, 10, 'message', '{}', 'processed', @p1, 1, @p1)
            """,
            old, recent);
        await TestDatabase.ExecuteAsync(
            """
            INSERT INTO processed_webhook_events (event_id, tenant_id, event_type, processed_at, outcome)
            VALUES ('evt_a_old', 'alpha', 'invoice.paid', @p0, 'processed'), ('evt_a_new', 'alpha', 'invoice.paid', @p1, 'processed'),
                   ('evt_b_only', 'beta', 'invoice.paid', @p0, 'processed'), ('evt_b_older', 'beta', 'invoice.paid', @p2, 'processed')
            """,
            old, recent, old - TimeSpan.FromDays(1));

        await PruneAsync();

        (await Ids("SELECT string_agg(id::text, ',' ORDER BY id) FROM telegram_outbox")).Should().Be(
            "2,3,6,7,8,9",
            "1, 4 and 5 (its dependent, as old), 10 are old and finished; 2 has a pending dependent, 8 a recent one, 6 is an open signal's post");
        (await Ids("SELECT string_agg(update_id::text, ',' ORDER BY update_id) FROM telegram_updates")).Should().Be("2,3", "a pending update waits, however old");
        (await Ids("SELECT string_agg(event_id, ',' ORDER BY event_id) FROM processed_webhook_events")).Should().Be(
            "evt_a_new,evt_b_only", "each tenant keeps its newest Stripe event, the proof Stripe reaches this API");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals WHERE telegram_post_outbox_id IS NOT NULL")).Should().Be(1);
    }

    [Fact]
    public async Task ABacklog_IsWorkedDown_InBatches()
    {
        await NewTenantAsync("alpha");
        await TestDatabase.ExecuteAsync(
            """
            INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at)
            SELECT 'alpha', 1, g, g, 'message', '{}', 'processed', @p0, 1, @p0 FROM generate_series(1, @p1) AS g
            """,
            Factory.Clock.GetUtcNow() - TimeSpan.FromDays(31), (PruneSystemTables.BatchSize * 2) + 5);

        await PruneAsync();

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates")).Should().Be(0);
    }

    private async Task PruneAsync()
    {
        using var scope = Factory.Services.CreateScope();
        await scope.ServiceProvider.GetServices<IScheduledJob>().OfType<PruneSystemTables>().Single().RunAsync("now", CancellationToken.None);
    }

    private static Task<string> Ids(string sql) => TestDatabase.ScalarAsync<string>(sql);
}
