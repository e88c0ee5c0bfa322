using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PromoStack.Benchmarks.Faults;

/// <summary>
/// What must hold after the faults, from the database and from what the fakes received: nothing lost (every update and
/// event acknowledged is stored once and handled; every user got what they asked for), nothing done twice that must
/// not be (a Stripe event's effect, an at-most-once broadcast message), at-least-once messages repeated only inside a
/// fault's crash window, nothing left claimed or pending, and each workspace's rows and messages only its own.
/// </summary>
internal sealed class FaultChecks(
    NpgsqlDataSource db, FakeBotApi fake, FakeStripeApi stripe, AppCluster cluster, StripePayer payer, FaultTenant[] tenants, List<FaultWindow> windows)
{
    private const string OutstandingSql =
        """
        SELECT 'telegram_updates pending/processing', count(*) FROM telegram_updates WHERE status IN ('pending', 'processing')
        UNION ALL SELECT 'telegram_outbox pending/sending', count(*) FROM telegram_outbox WHERE status IN ('pending', 'sending')
        UNION ALL SELECT 'domain_events pending', count(*) FROM domain_events WHERE status = 'pending'
        UNION ALL SELECT 'broadcast_jobs pending/processing', count(*) FROM broadcast_jobs WHERE status IN ('pending', 'processing')
        UNION ALL SELECT 'journey_scheduled_messages pending', count(*) FROM journey_scheduled_messages WHERE status = 'pending'
        UNION ALL SELECT 'journey_user_sessions active/waiting_delay', count(*) FROM journey_user_sessions WHERE status IN ('active', 'waiting_delay')
        """;

    private int _failed;

    /// <summary>Waits until nothing is outstanding and every user has what they asked for; false when the time ran out.</summary>
    public async Task<bool> SettleAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        var report = TimeSpan.FromSeconds(30);
        while (clock.Elapsed < patience)
        {
            var outstanding = await OutstandingAsync();
            var unserved = UsersServed();
            if (outstanding.All(o => o.Count == 0) && unserved.All(u => u.Missing.Count == 0))
            {
                return true;
            }

            if (clock.Elapsed > report)
            {
                report += TimeSpan.FromSeconds(30);
                Console.WriteLine($"    after {clock.Elapsed.TotalSeconds:F0} s still: " + string.Join(", ",
                    outstanding.Where(o => o.Count > 0).Select(o => $"{o.What} {o.Count}").Concat(unserved.Where(u => u.Missing.Count > 0).Select(u => $"{u.Missing.Count} users not yet {u.What}"))));
            }

            await Task.Delay(1000);
        }

        return false;
    }

    /// <summary>Runs every check, printing each; returns how many failed.</summary>
    public async Task<int> RunAsync()
    {
        Check("no webhook delivery given up (Telegram's and Stripe's retries all answered 2xx in the end)", cluster.GaveUp == 0, $"{cluster.GaveUp} given up");
        await UpdatesAsync();
        await StripeAsync();
        var outstanding = await OutstandingAsync();
        Check("nothing left claimed or pending", outstanding.All(o => o.Count == 0), string.Join(", ", outstanding.Select(o => $"{o.What}: {o.Count}")));
        foreach (var (what, missing) in UsersServed())
        {
            Check($"every user {what}", missing.Count == 0, missing.Count == 0 ? "all" : $"{missing.Count} did not, e.g. chat {missing[0]}");
            foreach (var chat in missing.Take(3))
            {
                var sessions = await RowsAsync("SELECT status, 0::bigint FROM journey_user_sessions WHERE telegram_chat_id = $1", chat);
                var outbox = await RowsAsync("SELECT kind || ' ' || status || ' ' || coalesce(left(payload->>'text', 30), method) || ' ' || coalesce(last_error, ''), 0::bigint FROM telegram_outbox WHERE chat_id = $1 ORDER BY id", chat);
                Console.WriteLine($"    chat {chat} received [{string.Join(" | ", fake.Inbox.GetValueOrDefault(chat)?.ToArray() ?? [])}]; " +
                                  $"sessions [{string.Join(", ", sessions.Select(x => x.What))}]; outbox [{string.Join(" | ", outbox.Select(x => x.What))}]");
            }
        }

        await AtMostOnceAsync();
        await AtLeastOnceAsync();
        await IsolationAsync();
        return _failed;
    }

    private async Task UpdatesAsync()
    {
        foreach (var tenant in tenants)
        {
            var stored = new Dictionary<long, string>();
            await using (var command = db.CreateCommand("SELECT update_id, status FROM telegram_updates WHERE tenant_id = $1 AND bot_telegram_id = $2"))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
                command.Parameters.Add(new NpgsqlParameter { Value = tenant.MessageBot });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    stored[reader.GetInt64(0)] = reader.GetString(1);
                }
            }

            var accepted = tenant.Accepted.Distinct().ToList();
            var lost = accepted.Where(u => !stored.ContainsKey(u)).ToList();
            var unhandled = stored.Where(s => s.Value != "processed").ToList();
            Check($"{tenant.Id}: every update answered 200 is stored (once, by key) and handled", lost.Count == 0 && unhandled.Count == 0,
                $"{accepted.Count} accepted ({tenant.Accepted.Count - accepted.Count} of them delivered again), {stored.Count} stored, {lost.Count} lost, " +
                $"not processed: {string.Join(", ", unhandled.GroupBy(u => u.Value).Select(g => $"{g.Key} {g.Count()}"))}");
        }
    }

    private async Task StripeAsync()
    {
        var events = payer.Paid.Keys.ToArray();
        var ledger = await ScalarAsync("SELECT count(*) FROM processed_webhook_events WHERE event_id = ANY($1)", [events]);
        Check("every Stripe event acknowledged is in the ledger once", ledger == events.Length, $"{events.Length} events paid ({payer.Duplicated} delivered twice at once), {ledger} ledger rows");
        if (ledger != events.Length)
        {
            foreach (var (what, _) in await RowsAsync(
                         """
                         SELECT e.id || ' → ' || coalesce(s.status, 'no subscription') || ' ' || coalesce(s.id::text, '') || ' ' || coalesce(s.stripe_checkout_session_id, ''), 0::bigint
                         FROM unnest($1::text[]) AS e(id) LEFT JOIN processed_webhook_events AS p ON p.event_id = e.id
                         LEFT JOIN telegram_subscriptions AS s ON s.stripe_checkout_session_id = substr(e.id, 5)
                         WHERE p.event_id IS NULL
                         """, [events]))
            {
                Console.WriteLine($"    not in the ledger: {what}");
            }
        }

        var sessions = payer.Paid.Values.Select(s => s.Id).ToArray();
        var outcome = await RowsAsync(
            """
            SELECT 'subscriptions', count(*) FROM telegram_subscriptions WHERE stripe_checkout_session_id = ANY($1)
            UNION ALL SELECT 'active', count(*) FROM telegram_subscriptions WHERE stripe_checkout_session_id = ANY($1) AND status = 'active'
            UNION ALL SELECT 'activations', count(*) FROM domain_events AS e JOIN telegram_subscriptions AS s
                ON s.id = (coalesce(e.payload->>'subscriptionId', e.payload->>'SubscriptionId'))::int
                WHERE e.event_type LIKE '%SubscriptionActivated%' AND s.stripe_checkout_session_id = ANY($1)
            """, [sessions]);
        Check("each paid checkout made one subscription, active, activated exactly once", outcome.All(o => o.Count == sessions.Length),
            $"{sessions.Length} paid: {string.Join(", ", outcome.Select(o => $"{o.What} {o.Count}"))}; checkouts made: {stripe.Sessions.Count} " +
            "(the others' links never reached their user: the handling that made them was cut off by a fault and done again)");
        foreach (var (what, _) in await RowsAsync(
                     """
                     SELECT s.id || ' ' || s.status || ' user ' || coalesce(s.telegram_user_id::text, '-') || ' session ' || s.stripe_checkout_session_id
                            || ' ledger ' || coalesce(p.outcome, '-') || ' ' || coalesce(p.reason, ''), 0::bigint
                     FROM telegram_subscriptions AS s LEFT JOIN processed_webhook_events AS p ON p.event_id = 'evt_' || s.stripe_checkout_session_id
                     WHERE s.stripe_checkout_session_id = ANY($1) AND s.status <> 'active'
                     """, [sessions]))
        {
            Console.WriteLine($"    not active: {what}");
        }
    }

    private async Task AtMostOnceAsync()
    {
        var twice = fake.Texts.Count(t => t.Key.Text == FaultTenant.BroadcastText && t.Value > 1);
        var completed = await ScalarAsync("SELECT count(*) FROM broadcast_jobs WHERE status = 'completed'");
        var unknown = await ChatsAsync("SELECT chat_id, send_started_at FROM telegram_outbox WHERE kind = 'broadcast' AND status = 'unknown'");
        var outside = unknown.Where(u => u.At is not { } at || !windows.Any(w => w.Covers(at))).ToList();
        var sent = await ScalarAsync("SELECT count(*) FROM telegram_outbox WHERE kind = 'broadcast' AND status = 'sent'");
        var reached = fake.Texts.Count(t => t.Key.Text == FaultTenant.BroadcastText);
        Check("at most once: no broadcast message reached a chat twice", twice == 0,
            $"{reached} chats reached of {tenants.Sum(t => t.Audience)}, {sent} recorded sent, {twice} twice");
        Check("at most once: a broadcast message is 'unknown' only when its call was cut by a fault", outside.Count == 0,
            $"{unknown.Count} unknown, {outside.Count} outside every fault window");
        Check("both broadcasts completed", completed == tenants.Length, $"{completed} completed");
    }

    private async Task AtLeastOnceAsync()
    {
        var first = new Dictionary<(long Chat, string Text), DateTimeOffset>();
        foreach (var delivery in fake.Deliveries)
        {
            first.TryAdd((delivery.Chat, delivery.Text), delivery.At);
        }

        // A text may rightly reach a chat more than once when it was queued more than once (a plan pressed twice).
        var queued = new Dictionary<(long Chat, string Text), long>();
        await using (var command = db.CreateCommand("SELECT chat_id, payload->>'text', count(*) FROM telegram_outbox WHERE payload ? 'text' GROUP BY 1, 2"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                queued[(reader.GetInt64(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        var repeated = fake.Texts.Where(t => t.Value > Math.Max(1, queued.GetValueOrDefault(t.Key)) && t.Key.Text != FaultTenant.BroadcastText)
            .Select(t => (t.Key, First: first[t.Key])).ToList();
        var outside = repeated.Where(r => !windows.Any(w => w.MayRepeat && w.Covers(r.First))).ToList();
        Check("at least once: a message arrived twice only when a fault cut its call off before it was recorded", outside.Count == 0,
            $"{repeated.Count} repeated, {outside.Count} outside every fault window" +
            (outside.Count > 0 ? $", e.g. chat {outside[0].Key.Chat} at {outside[0].First:HH:mm:ss.f}: {outside[0].Key.Text}" : string.Empty));
        var failed = await ScalarAsync("SELECT count(*) FROM telegram_outbox WHERE delivery = 'at_least_once' AND status <> 'sent'");
        Check("at least once: every such message was sent in the end", failed == 0, $"{failed} not sent");
    }

    private async Task IsolationAsync()
    {
        var strays = fake.Deliveries.Where(d => tenants.FirstOrDefault(t => t.MessageBot == d.Bot || t.SignalBot == d.Bot) is not { } owner
                                               || !(owner.Owns(d.Chat) || d.Chat == owner.VipChannel)).ToList();
        Check("each workspace's bots reached only its own users and channel", strays.Count == 0,
            $"{fake.Deliveries.Count} calls carried out, {strays.Count} elsewhere");
        // Chat 0: a call that names no chat (answering a button press).
        foreach (var tenant in tenants)
        {
            var foreign = await RowsAsync(
                """
                SELECT 'telegram_updates', count(*) FROM telegram_updates WHERE tenant_id = $1 AND (bot_telegram_id <> $2 OR chat_id NOT BETWEEN $3 AND $4)
                UNION ALL SELECT 'telegram_outbox', count(*) FROM telegram_outbox
                    WHERE tenant_id = $1 AND (bot_telegram_id NOT IN ($2, $5) OR (chat_id NOT BETWEEN $3 AND $4 AND chat_id NOT IN (0, $6)))
                UNION ALL SELECT 'bot_users', count(*) FROM bot_users WHERE tenant_id = $1 AND chat_id NOT BETWEEN $3 AND $4
                UNION ALL SELECT 'telegram_subscriptions', count(*) FROM telegram_subscriptions WHERE tenant_id = $1 AND telegram_user_id NOT BETWEEN $3 AND $4
                UNION ALL SELECT 'journey_user_sessions', count(*) FROM journey_user_sessions WHERE tenant_id = $1 AND telegram_chat_id NOT BETWEEN $3 AND $4
                """,
                tenant.Id, tenant.MessageBot, tenant.FirstChat, tenant.FirstChat + FaultTenant.ChatRange - 1, tenant.SignalBot, tenant.VipChannel);
            Check($"{tenant.Id}: its rows name only its own bots, users and channel", foreign.All(f => f.Count == 0),
                string.Join(", ", foreign.Select(f => $"{f.What} {f.Count}")) + " naming another's");
            foreach (var (row, _) in await RowsAsync(
                         """
                         SELECT kind || ' ' || method || ' bot ' || bot_telegram_id || ' chat ' || coalesce(chat_id::text, 'none'), 0::bigint FROM telegram_outbox
                         WHERE tenant_id = $1 AND (bot_telegram_id NOT IN ($2, $5) OR (chat_id NOT BETWEEN $3 AND $4 AND chat_id NOT IN (0, $6))) LIMIT 3
                         """,
                         tenant.Id, tenant.MessageBot, tenant.FirstChat, tenant.FirstChat + FaultTenant.ChatRange - 1, tenant.SignalBot, tenant.VipChannel))
            {
                Console.WriteLine($"    e.g. {row}");
            }
        }
    }

    /// <summary>For each kind of user: those who did not (yet) get what they asked for.</summary>
    private List<(string What, List<long> Missing)> UsersServed()
    {
        var paidUsers = payer.Paid.Values.Select(s => long.Parse(s.Form["metadata[telegram_user_id]"], CultureInfo.InvariantCulture)).ToHashSet();
        return
        [
            ("who sent /start got the welcome", [.. tenants.SelectMany(t => t.Starters).Where(c => !Got(c, _ => true))]),
            ("who answered the journey's question got the thanks, then the follow-up, in order",
                [.. tenants.SelectMany(t => t.Answered).Where(c => !InOrder(c, FaultTenant.Question, $"Thanks Name{c}", FaultTenant.FollowUp))]),
            ("who paid got a VIP invite link", [.. tenants.SelectMany(t => t.Buyers).Where(paidUsers.Contains).Where(c => !Got(c, m => m.Contains("Welcome to VIP", StringComparison.Ordinal)))]),
            ("who bought had a checkout paid", [.. tenants.SelectMany(t => t.Buyers).Where(c => !paidUsers.Contains(c))]),
        ];
    }

    private bool Got(long chat, Func<string, bool> match) => fake.Inbox.TryGetValue(chat, out var messages) && messages.Any(match);

    private bool InOrder(long chat, params string[] texts)
    {
        if (!fake.Inbox.TryGetValue(chat, out var messages))
        {
            return false;
        }

        var next = 0;
        foreach (var message in messages)
        {
            if (next < texts.Length && message == texts[next])
            {
                next++;
            }
        }

        return next == texts.Length;
    }

    private Task<List<(string What, long Count)>> OutstandingAsync() => RowsAsync(OutstandingSql);

    private async Task<List<(string What, long Count)>> RowsAsync(string sql, params object[] parameters)
    {
        var result = new List<(string, long)>();
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return result;
    }

    private async Task<List<(long Chat, DateTimeOffset? At)>> ChatsAsync(string sql)
    {
        var result = new List<(long, DateTimeOffset?)>();
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return result;
    }

    private async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    private void Check(string invariant, bool held, string details)
    {
        Console.WriteLine($"  {(held ? "✓" : "✗")} {invariant}: {details}");
        if (!held)
        {
            _failed++;
        }
    }
}
