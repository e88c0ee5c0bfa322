using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using PromoStack.Benchmarks;
using PromoStack.Benchmarks.Faults;

// Load benchmarks of the Telegram paths against the real API (Release) on 127.0.0.1 and a fake Bot API:
//   webhook  — webhook ingest of valid, signed updates at a steady rate (open loop) and as fast as answered (wrk), latency,
//              then the inbox drained; plus a bare insert ceiling;
//   stripe   — signed webhook events per second, then a duplicate storm, counted afterwards;
//   journeys — 3,000 users answer a journey's question (reply → next message queued), then their delays fall due together;
//   broadcast — 5,000 bot users, the API killed and restarted halfway, a /start answered while it runs;
//   delivery — 3,000 messages to 3,000 users through a fake that allows 30 per sliding second;
//   fairness — tenant A floods its bot at 1,000 updates/s and broadcasts to 20,000 users while tenant B's users send
//              /start to B's bot: both tenants' reply latencies, A's backlog and the broadcast's rate;
//   app      — the admin app's home screen in Chromium: first visits, sign-in, figures shown (./promostack bench app);
//   schedules — 5,000 tenants (BENCH_TENANTS), the API's minute ticks: when each tick's last run ends (only when asked).
// Run it with ./promostack bench telegram (it prepares the database, the keys and the builds).
// With the argument `faults` (./promostack faults [--quick]) it runs the fault suite instead (Faults/FaultSuite.cs).
var settings = Settings.FromEnvironment();
if (args is ["faults", .. var options])
{
    Environment.ExitCode = await FaultSuite.RunAsync(settings, options.Contains("--quick"));
    return;
}

const long BotId = 7_000_000_001;
var updates = settings.Int("BENCH_UPDATES", 20_000);
var concurrency = settings.Int("BENCH_CONCURRENCY", 32);
var messages = settings.Int("BENCH_MESSAGES", 3_000);

await using var fake = new FakeBotApi();
await fake.StartAsync();
await using var fakeStripe = new FakeStripeApi();
await fakeStripe.StartAsync();
var environment = settings.AppEnvironment(fake.Url);
foreach (var (key, value) in StripeBench.FakeStripeEnvironment(fakeStripe.Url))
{
    environment[key] = value;
}

// Every update and event comes from one address (127.0.0.1), as fast as answered: no per-source cap on the webhooks,
// whose default (10,000 a second from one address) is about real senders, not this load generator.
environment["Webhooks__RequestsPerSource"] = "1000000000";

// BENCH_DISPATCHER=paused starts the API with its queue workers off (Workers__Enabled=false, as the tests run them):
// the Stripe part then measures the webhook half alone, its events stored for the dispatcher but not dispatched meanwhile.
var dispatcherPaused = Environment.GetEnvironmentVariable("BENCH_DISPATCHER") == "paused";
if (dispatcherPaused)
{
    environment["Workers__Enabled"] = "false";
}

if (Settings.Asked("app"))
{
    // Each of its first visits signs in again from one address: more than the 10 a minute one client is allowed.
    environment["PublicEndpoints__PerClientPerMinute"] = "1000";
}

await Processes.RunAsync(settings.CliDll, "migrate", environment, settings.WebApiDir);
var token = (await Processes.RunAsync(settings.CliDll, "dev-token --tenant bench --role admin", environment, settings.WebApiDir)).Trim().Split('\n')[^1];
var api = Processes.Start(settings.ApiDll, $"--urls {settings.ApiUrl}", environment, settings.WebApiDir);
try
{
    using var http = new HttpClient { BaseAddress = new Uri(settings.ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
    await WaitReadyAsync(http);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var connected = await http.PutAsJsonAsync("/api/connections/message_bot", new { token = $"{BotId}:AAH-bench-token-0123456789abcdefghij" });
    if (!connected.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Connecting the bench bot failed: {await connected.Content.ReadAsStringAsync()}");
    }

    var connection = await connected.Content.ReadFromJsonAsync<JsonElement>();
    var webhook = $"/api/telegram/{connection.GetProperty("webhookId").GetGuid()}/webhook";
    var secret = fake.WebhookSecrets[BotId];
    await using var db = NpgsqlDataSource.Create(settings.Database);

    if (Settings.Runs("webhook"))
    {
        var seconds = settings.Int("BENCH_SECONDS", 30);
        var warmUp = settings.Int("BENCH_WARMUP_SECONDS", 5);
        var wrkEnvironment = new Dictionary<string, string> { ["BENCH_WEBHOOK_SECRET"] = secret };
        string Wrk(int first, int duration) =>
            $"-t2 -c{concurrency} -d{duration}s --latency -s {Path.Combine(AppContext.BaseDirectory, "ingest.lua")} {settings.ApiUrl}{webhook} -- {first}";

        var rate = settings.Int("BENCH_RATE", 2_000);
        var bodies = Enumerable.Range(500_000_001, rate * (warmUp + seconds)).Select(id => Encoding.UTF8.GetBytes(Updates.BlockedBot(id))).ToArray();

        // The same kind of load first, unmeasured, so the figures are the JIT-compiled steady state, not start-up; its
        // updates (ids from 1e9 up, apart from the measured runs') count in the totals below like any other.
        var warmUpReport = await Processes.WrkAsync(Wrk(1, warmUp), wrkEnvironment);
        Console.WriteLine($"webhook warm-up ({warmUp} s): {string.Join("; ", warmUpReport.Split('\n').Where(l => l.Contains("requests in") || l.Contains("Non-2xx")).Select(l => l.Trim()))}");
        Console.WriteLine($"webhook ingest at a steady {rate}/s for {seconds} s after {warmUp} s of the same (open loop: latency counts from when each " +
                          "update was due), distinct signed updates, inbox processed meanwhile");
        var processedBefore = await Rows.CountAsync(db, "SELECT count(*) FROM telegram_updates WHERE status = 'processed'");
        using var telegram = WebhookClients.TelegramLike(secret, settings.Int("BENCH_WEBHOOK_CONNECTIONS", 40));
        var cpu = CpuMeter.Start(api);
        var bench = TimeSpan.Zero;
        var steady = await SteadyIngestAsync(telegram, settings.ApiUrl + webhook, bodies, rate, rate * warmUp, () =>
        {
            cpu = CpuMeter.Start(api);
            bench = Process.GetCurrentProcess().TotalProcessorTime;
        });
        steady.Result.Print("  answered 200");
        Console.WriteLine($"  {cpu.PerUnit(rate * seconds)}, load generator {(Process.GetCurrentProcess().TotalProcessorTime - bench).TotalMilliseconds / (rate * seconds):F2} ms");
        Console.WriteLine($"  other answers: {steady.Failures}; inbox updates processed meanwhile (warm-up included): " +
                          $"{await Rows.CountAsync(db, "SELECT count(*) FROM telegram_updates WHERE status = 'processed'") - processedBefore}");
        Console.WriteLine($"webhook ingest capacity: wrk, {concurrency} connections as fast as answered for {seconds} s, inbox processed meanwhile");
        var wrk = await Processes.WrkAsync(Wrk(0, seconds), wrkEnvironment);
        Console.WriteLine(string.Join(Environment.NewLine, wrk.Split('\n').Where(l => l.Contains("Latency") || l.Contains('%') || l.Contains("Requests/sec") || l.Contains("requests in") || l.Contains("Non-2xx")).Select(l => "  " + l.Trim())));
        var stored = await Rows.CountAsync(db, "SELECT count(*) FROM telegram_updates");
        var drained = Stopwatch.StartNew();
        await Rows.WaitForAsync(db, "SELECT count(*) FROM telegram_updates WHERE status = 'processed'", stored, TimeSpan.FromMinutes(10));
        Console.WriteLine($"  stored {stored} distinct updates (every 200 answered is one row; duplicates are impossible by key); inbox drained {drained.Elapsed.TotalSeconds:F1} s after the load");

        var bare = await Load.RunAsync(updates, concurrency, async i =>
        {
            await using var command = db.CreateCommand(
                "INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at) " +
                "VALUES ('bench', 1, $1, $2, 'my_chat_member', $3::jsonb, 'processed', now(), 0, now()) ON CONFLICT DO NOTHING");
            command.Parameters.Add(new NpgsqlParameter { Value = (long)i });
            command.Parameters.Add(new NpgsqlParameter { Value = 10_000_000L + i });
            command.Parameters.Add(new NpgsqlParameter { Value = Updates.BlockedBot(i) });
            await command.ExecuteNonQueryAsync();
        });
        bare.Print("  bare insert ceiling (no HTTP)");
    }

    if (Settings.Asked("schedules"))
    {
        await SchedulesBench.RunAsync(db, settings.Int("BENCH_TENANTS", 5_000));
    }

    if (Settings.Runs("stripe"))
    {
        await StripeBench.RunAsync(http, db, api, settings.Int("BENCH_STRIPE_EVENTS", 5_000), concurrency, dispatcherPaused);
    }

    if (Settings.Runs("journeys"))
    {
        await JourneyBench.RunAsync(http, db, fake, webhook, secret, settings.Int("BENCH_JOURNEY_USERS", 3_000), concurrency);
    }

    if (Settings.Runs("broadcast"))
    {
        await BroadcastBench.RunAsync(http, db, fake, webhook, secret, settings.Int("BENCH_BROADCAST_USERS", 5_000), async () =>
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
            api.Dispose();
            api = Processes.Start(settings.ApiDll, $"--urls {settings.ApiUrl}", environment, settings.WebApiDir);
            await WaitReadyAsync(http);
        });
    }

    if (Settings.Runs("delivery"))
    {
        Console.WriteLine($"delivery: {messages} messages to {messages} users, fake allows 30 per sliding second");
        await using (var insert = db.CreateCommand(
            "INSERT INTO telegram_outbox (tenant_id, bot_role, bot_telegram_id, chat_id, method, payload, delivery, priority, kind, status, attempts, next_attempt_at, dedupe_key, created_at) " +
            "SELECT 'bench', 'message_bot', $1, 20000000 + g, 'sendMessage', jsonb_build_object('chat_id', 20000000 + g, 'text', 'bench ' || g), 'at_least_once', 2, 'bench', 'pending', 0, now(), 'bench-' || g, now() " +
            "FROM generate_series(1, $2) AS g"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = BotId });
            insert.Parameters.Add(new NpgsqlParameter { Value = messages });
            await insert.ExecuteNonQueryAsync();
        }

        var rateLimited = fake.RateLimited;
        var delivery = Stopwatch.StartNew();
        await Rows.WaitForAsync(db, "SELECT count(*) FROM telegram_outbox WHERE kind = 'bench' AND status = 'sent'", messages, TimeSpan.FromMinutes(5));
        Console.WriteLine($"  all {messages} sent in {delivery.Elapsed.TotalSeconds:F1} s ({messages / delivery.Elapsed.TotalSeconds:F1}/s); " +
                          $"429s received: {fake.RateLimited - rateLimited}; chats reached: {fake.Sent.Keys.Count(c => c > 20_000_000 && c <= 20_000_000 + messages)}; " +
                          $"duplicates: {fake.Duplicates}");
    }

    if (Settings.Runs("fairness"))
    {
        await FairnessBench.RunAsync(settings, environment, fake, db);
    }

    if (Settings.Asked("app"))
    {
        // The demo workspace with its sample data, as ./promostack run makes it.
        await Processes.RunAsync(settings.CliDll, "dev-token --tenant demo --role admin", environment, settings.WebApiDir);
        await AppBench.RunAsync(settings.ApiUrl, settings.Int("BENCH_APP_RUNS", 20));
    }
}
finally
{
    api.Kill(entireProcessTree: true);
    api.Dispose();
}

// Posts the bodies on a fixed schedule of rate per second; the first warmUp of them are not measured.
static async Task<(LoadResult Result, int Failures)> SteadyIngestAsync(HttpClient client, string url, byte[][] bodies, int rate, int warmUp, Action measuring)
{
    var failures = 0;
    var result = await Paced.MeasureAsync(bodies.Length, rate, warmUp, measuring, async i =>
    {
        using var content = new ByteArrayContent(bodies[i]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(url, content);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            Interlocked.Increment(ref failures);
        }
    });
    return (result, failures);
}

static async Task WaitReadyAsync(HttpClient http)
{
    for (var i = 0; i < 120; i++)
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(500);
    }

    throw new TimeoutException("The API did not become ready.");
}
