using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace PromoStack.Benchmarks;

/// <summary>
/// Fair sharing between tenants: tenant A floods its bot's webhook (open loop, a new chat per update, text and some
/// <c>/start</c>s, each answered by the bot) and broadcasts to its bot users, while tenant B's users send <c>/start</c>
/// to B's own bot a few a second. Measured: each B <c>/start</c> and each sampled A <c>/start</c> from its webhook post
/// to its reply reaching the fake Bot API, and where the time went (stored, reply queued by the inbox, sent).
/// </summary>
internal static class FairnessBench
{
    private const long BotA = 7_000_000_002;
    private const long BotB = 7_000_000_003;
    private const long AudienceChat = 80_000_000;
    private const long FloodChat = 100_000_000;
    private const long TenantBChat = 90_000_000;
    private const string BroadcastText = "Fairness bench broadcast";

    /// <summary>Every this-many of A's flood updates is a <c>/start</c> whose reply is timed; the others are plain text.</summary>
    private const int SampleEvery = 100;

    public static async Task RunAsync(Settings settings, IReadOnlyDictionary<string, string> environment, FakeBotApi fake, NpgsqlDataSource db)
    {
        var seconds = settings.Int("BENCH_SECONDS", 30);
        var warmUp = settings.Int("BENCH_WARMUP_SECONDS", 5);
        var rate = settings.Int("BENCH_FAIRNESS_RATE", 1_000);
        var audience = settings.Int("BENCH_FAIRNESS_AUDIENCE", 20_000);
        var starts = settings.Int("BENCH_FAIRNESS_B_USERS", 200);
        var wait = TimeSpan.FromSeconds(settings.Int("BENCH_FAIRNESS_WAIT_SECONDS", 60));
        Console.WriteLine($"fairness: tenant A floods its bot at {rate} updates/s for {seconds} s (after {warmUp} s of the same) and broadcasts to " +
                          $"{audience} bot users; tenant B's {starts} users send /start to B's bot meanwhile");

        using var a = await ConnectAsync(settings, environment, "fair-a", BotA);
        using var b = await ConnectAsync(settings, environment, "fair-b", BotB);
        await using (var insert = db.CreateCommand(
            "INSERT INTO bot_users (tenant_id, chat_id, first_name, is_blocked, coupon_bot_blocked, created_at, last_seen_at, message_bot_last_seen_at) " +
            "SELECT 'fair-a', $1 + g, 'User', false, false, now(), now(), now() FROM generate_series(1, $2) AS g"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = AudienceChat });
            insert.Parameters.Add(new NpgsqlParameter { Value = audience });
            await insert.ExecuteNonQueryAsync();
        }

        // The recipients are fixed by the broadcast's first slice: before the flood adds its own chats to A's bot users.
        var created = await a.Admin.PostAsJsonAsync("/api/broadcasts", new { message = BroadcastText });
        await EnsureAsync(created);
        var broadcast = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await Rows.WaitForAsync(db, $"SELECT count(*) FROM broadcast_deliveries WHERE broadcast_id = {broadcast}", audience, TimeSpan.FromMinutes(2));

        var total = rate * (warmUp + seconds);
        var bodies = Enumerable.Range(0, total).Select(i => Encoding.UTF8.GetBytes(
            Message(i + 1, FloodChat + i, i % SampleEvery == 0 ? "/start" : "Hello"))).ToArray();
        var postedA = new long[total];
        using var telegramA = WebhookClients.TelegramLike(fake.WebhookSecrets[BotA], settings.Int("BENCH_WEBHOOK_CONNECTIONS", 40));
        using var telegramB = WebhookClients.TelegramLike(fake.WebhookSecrets[BotB], settings.Int("BENCH_WEBHOOK_CONNECTIONS", 40));
        var urlA = settings.ApiUrl + a.Webhook;
        var failures = 0;
        var measuring = new TaskCompletionSource();
        var (sentA, sentBroadcast) = (0, 0);
        var postedB = new long[starts];
        var tenantB = Task.Run(async () =>
        {
            await measuring.Task;
            var began = Stopwatch.GetTimestamp();
            var posts = new Task[starts];
            for (var j = 0; j < starts; j++)
            {
                var pause = TimeSpan.FromSeconds((double)j * seconds / starts) - Stopwatch.GetElapsedTime(began);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause);
                }

                postedB[j] = Stopwatch.GetTimestamp();
                posts[j] = PostAsync(telegramB, settings.ApiUrl + b.Webhook, Encoding.UTF8.GetBytes(Message(j + 1, TenantBChat + j, "/start")));
            }

            await Task.WhenAll(posts);
        });

        var flood = await Paced.MeasureAsync(total, rate, rate * warmUp, () =>
        {
            sentA = fake.SentByBot.GetValueOrDefault(BotA);
            sentBroadcast = Broadcasted(fake);
            measuring.SetResult();
        }, async i =>
        {
            postedA[i] = Stopwatch.GetTimestamp();
            if (!await PostAsync(telegramA, urlA, bodies[i]))
            {
                Interlocked.Increment(ref failures);
            }
        });
        await tenantB;
        var window = flood.Elapsed.TotalSeconds;
        var broadcastRate = (Broadcasted(fake) - sentBroadcast) / window;
        var botRateA = (fake.SentByBot.GetValueOrDefault(BotA) - sentA) / window;
        flood.Print($"  A's webhook answered 200 (latency from when each update was due)");
        var backlog = await Rows.CountAsync(db, "SELECT count(*) FROM telegram_updates WHERE tenant_id = 'fair-a' AND status IN ('pending', 'processing')");
        var stored = await Rows.CountAsync(db, "SELECT count(*) FROM telegram_updates WHERE tenant_id = 'fair-a'");
        Console.WriteLine($"  A's ingest achieved {flood.Count / window:F0}/s; other answers: {failures}; of the {stored} updates stored (warm-up included) " +
                          $"{stored - backlog} were processed meanwhile; A's inbox backlog at the end: {backlog} updates");
        Console.WriteLine($"  during the flood A's bot sent {botRateA:F1} messages/s, of them the broadcast {broadcastRate:F1}/s " +
                          $"(429s from the fake so far: {fake.RateLimited})");

        var chatsB = Enumerable.Range(0, starts).Select(j => TenantBChat + j).ToArray();
        var answeredB = await AnsweredAsync(fake, chatsB, wait);
        var drain = Stopwatch.StartNew();
        await DrainAsync(db, TimeSpan.FromMinutes(10));
        Console.WriteLine($"  A's inbox drained {drain.Elapsed.TotalSeconds:F1} s after the flood ended (B's replies awaited first: {answeredB.TotalSeconds:F1} s)");

        var samples = Enumerable.Range(rate * warmUp, total - rate * warmUp).Where(i => i % SampleEvery == 0).ToArray();
        await AnsweredAsync(fake, [.. samples.Select(i => FloodChat + i)], wait);
        Console.WriteLine(Latencies("  B's /start → reply at the fake", [.. chatsB.Select((chat, j) => Since(fake, chat, postedB[j]))]));
        Console.WriteLine(Latencies("  A's sampled /start → reply", [.. samples.Select(i => Since(fake, FloodChat + i, postedA[i]))]));
        await StagesAsync(db, "fair-b", chatsB);
        await StagesAsync(db, "fair-a", [.. samples.Select(i => FloodChat + i)]);
        var progress = (await a.Admin.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{broadcast}")).GetProperty("progress").ToString();
        Console.WriteLine($"  A's broadcast so far: {progress}");
    }

    /// <summary>Makes the tenant and its admin (as <c>dev-token</c> does) and connects its message bot to the fake.</summary>
    private static async Task<Workspace> ConnectAsync(
        Settings settings, IReadOnlyDictionary<string, string> environment, string tenant, long botId)
    {
        var token = (await Processes.RunAsync(settings.CliDll, $"dev-token --tenant {tenant} --role admin", environment, settings.WebApiDir)).Trim().Split('\n')[^1];
        var admin = new HttpClient { BaseAddress = new Uri(settings.ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var connected = await admin.PutAsJsonAsync("/api/connections/message_bot", new { token = $"{botId}:AAH-bench-token-0123456789abcdefghij" });
        await EnsureAsync(connected);
        var webhookId = (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookId").GetGuid();
        return new Workspace(admin, $"/api/telegram/{webhookId}/webhook");
    }

    /// <summary>A tenant's admin client and its bot's webhook path.</summary>
    private sealed record Workspace(HttpClient Admin, string Webhook) : IDisposable
    {
        public void Dispose() => Admin.Dispose();
    }

    private static int Broadcasted(FakeBotApi fake) => fake.Texts.Count(t => t.Key.Text == BroadcastText);

    /// <summary>Waits until every chat has had a message, or the time is up; returns how long it waited.</summary>
    private static async Task<TimeSpan> AnsweredAsync(FakeBotApi fake, long[] chats, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (chats.Any(c => !fake.FirstSentAt.ContainsKey(c)) && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    private static async Task DrainAsync(NpgsqlDataSource db, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await Rows.CountAsync(db, "SELECT count(*) FROM telegram_updates WHERE tenant_id = 'fair-a' AND status IN ('pending', 'processing')") > 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("A's inbox did not drain.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Milliseconds from the post to the chat's first message at the fake; null when none came.</summary>
    private static double? Since(FakeBotApi fake, long chat, long posted) =>
        fake.FirstSentAt.TryGetValue(chat, out var at) ? Stopwatch.GetElapsedTime(posted, at).TotalMilliseconds : null;

    /// <summary>Percentiles over every sample; one without a reply counts as slower than all, and is shown as such.</summary>
    private static string Latencies(string label, double?[] ms)
    {
        var sorted = ms.OrderBy(m => m ?? double.PositiveInfinity).ToArray();
        string At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] is { } v ? $"{v:F0} ms" : "no reply";
        var missing = ms.Count(m => m is null);
        return $"{label}: {ms.Length - missing} of {ms.Length} answered; p50 {At(0.50)}, p95 {At(0.95)}, p99 {At(0.99)}, max {At(1.0)}";
    }

    /// <summary>
    /// Where each reply's time went, from the database: the webhook's answer stored the update (received_at), the inbox
    /// queued the reply (the outbox row's created_at: claim wait and handling), the sender sent it (sent_at).
    /// </summary>
    private static async Task StagesAsync(NpgsqlDataSource db, string tenant, long[] chats)
    {
        await using var command = db.CreateCommand(
            """
            SELECT extract(epoch FROM o.created_at - u.received_at) * 1000, extract(epoch FROM o.sent_at - o.created_at) * 1000
            FROM telegram_updates AS u JOIN telegram_outbox AS o ON o.tenant_id = u.tenant_id AND o.chat_id = u.chat_id AND o.kind = 'reply'
            WHERE u.tenant_id = $1 AND u.chat_id = ANY($2) AND o.sent_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = chats });
        var (queued, sent) = (new List<double>(), new List<double>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            queued.Add((double)reader.GetDecimal(0));
            sent.Add((double)reader.GetDecimal(1));
        }

        Console.WriteLine($"    {tenant}, {queued.Count} replies sent: {Spread("stored → reply queued (inbox)", queued)}; {Spread("queued → sent (sender)", sent)}");
    }

    private static string Spread(string label, List<double> ms)
    {
        if (ms.Count == 0)
        {
            return $"{label}: none";
        }

        ms.Sort();
        double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        return $"{label} p50 {At(0.5):F0} ms, p99 {At(0.99):F0} ms, max {ms[^1]:F0} ms";
    }

    private static async Task<bool> PostAsync(HttpClient client, string url, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(url, content);
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }

    private static string Message(long updateId, long chat, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId, ["date"] = 1_700_000_000, ["text"] = text,
            ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "User" },
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "User" },
        },
    }.ToJsonString();

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
