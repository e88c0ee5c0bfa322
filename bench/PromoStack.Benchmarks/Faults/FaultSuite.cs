using System.Diagnostics;
using Npgsql;

namespace PromoStack.Benchmarks.Faults;

/// <summary>
/// The fault suite (<c>./promostack faults</c>; <c>--quick</c> is the subset <c>./promostack test</c> runs): several API
/// instances on one database while two workspaces' users start the bot, go through a journey, buy VIP in the bot and
/// pay through Stripe's webhook, and a broadcast goes out to each workspace's bot users. Meanwhile it kills an instance
/// with kill -9 mid-batch, restarts PostgreSQL, makes the Bot API slow beyond the call timeout, fail with 5xx and answer
/// 429 storms, and takes Stripe down. Then it waits for the work to settle and checks what must hold (see
/// <see cref="FaultChecks"/>); any broken invariant fails the run.
/// </summary>
internal static class FaultSuite
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public static async Task<int> RunAsync(Settings settings, bool quick)
    {
        var instances = quick ? 2 : 3;
        Console.WriteLine($"fault suite ({(quick ? "quick subset" : "full")}): {instances} instances on one database, two workspaces");
        await using var fake = new FakeBotApi();
        await fake.StartAsync();
        await using var stripe = new FakeStripeApi();
        await stripe.StartAsync();
        var environment = settings.AppEnvironment(fake.Url);
        environment["Stripe__ApiBase"] = stripe.Url;
        environment["Webhooks__RequestsPerSource"] = "1000000000";

        // A call's timeout well under the 6 s the slow Bot API takes: the caller gives up, the message still goes out.
        environment["Telegram__TimeoutSeconds"] = "4";
        fake.SlowBy = TimeSpan.FromSeconds(6);
        var basePort = settings.Int("FAULTS_BASE_PORT", 5191);
        environment["App__PublicBaseUrl"] = $"http://127.0.0.1:{basePort}";
        var logs = Environment.GetEnvironmentVariable("FAULTS_LOG_DIR") is { Length: > 0 } dir ? dir : Directory.CreateTempSubdirectory("promostack-faults").FullName;
        Directory.CreateDirectory(logs);
        Console.WriteLine($"  instance logs: {logs}");

        await Processes.RunAsync(settings.CliDll, "migrate", environment, settings.WebApiDir);

        // The first dev token makes the signing key on a fresh machine: before the instances start, so they all trust it.
        await Processes.RunAsync(settings.CliDll, "dev-token --tenant faults-a --role admin", environment, settings.WebApiDir);
        await using var cluster = new AppCluster(settings, environment, instances, basePort, logs);
        await cluster.StartAllAsync();
        await using var db = NpgsqlDataSource.Create(settings.Database);
        var audience = quick ? 400 : 1_500;
        FaultTenant[] tenants =
        [
            new("faults-a", 7_100_000_001, 7_200_000_001, -1_001_000_000_001, 300_000_000),
            new("faults-b", 7_100_000_002, 7_200_000_002, -1_001_000_000_002, 400_000_000),
        ];
        foreach (var tenant in tenants)
        {
            await tenant.SetUpAsync(settings, environment, cluster.Url(0), fake, db, audience);
        }

        var windows = new List<FaultWindow>();
        var payer = new StripePayer(cluster, stripe, Patience);
        using var stopLoad = new CancellationTokenSource();
        var users = new List<Task>();
        var load = Task.Run(async () =>
        {
            for (var tick = 0; !stopLoad.IsCancellationRequested; tick++)
            {
                foreach (var tenant in tenants)
                {
                    users.Add(tenant.StartAsync(cluster, Patience));
                    if (tick % 4 == 0)
                    {
                        users.Add(tenant.JourneyAsync(cluster, fake, Patience));
                    }

                    if (tick % 20 == 0)
                    {
                        users.Add(tenant.BuyAsync(cluster, fake, payer, Patience));
                    }
                }

                await Task.Delay(200);
            }
        });
        using var stopPaying = new CancellationTokenSource();
        var paying = payer.RunAsync(stopPaying.Token);

        var clock = Stopwatch.StartNew();
        async Task At(double second)
        {
            var wait = TimeSpan.FromSeconds(second) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        async Task KillAsync(int instance)
        {
            var at = DateTimeOffset.UtcNow;
            await cluster.KillAsync(instance);
            windows.Add(new FaultWindow($"kill -9 of instance {instance}", at, at, MayRepeat: true));
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: instance {instance} killed (kill -9); broadcasts sent so far: {Broadcasted(fake)}");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await cluster.StartAsync(instance);
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: instance {instance} started again");
        }

        async Task RestartDatabaseAsync()
        {
            var from = DateTimeOffset.UtcNow;
            var restart = Stopwatch.StartNew();
            await Processes.ShellAsync(Environment.GetEnvironmentVariable("FAULTS_PG_RESTART")
                                       ?? throw new InvalidOperationException("FAULTS_PG_RESTART is required (run ./promostack faults)."));
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: PostgreSQL restarted (immediate: a crash for the instances) in {restart.Elapsed.TotalSeconds:F1} s");
            await cluster.WaitAllReadyAsync(TimeSpan.FromMinutes(1));

            // The suite's own pooled connections died with the server too.
            db.Clear();
            windows.Add(new FaultWindow("PostgreSQL restart", from, DateTimeOffset.UtcNow, MayRepeat: true));
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: every instance ready again");
        }

        async Task BotApiAsync(BotApiFault fault, double seconds)
        {
            var from = DateTimeOffset.UtcNow;
            fake.Fault = fault;
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: Bot API {fault} for {seconds} s");
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            fake.Fault = BotApiFault.None;
            switch (fault)
            {
                case BotApiFault.Slow:
                    windows.Add(new FaultWindow("slow Bot API", from, DateTimeOffset.UtcNow + fake.SlowBy, MayRepeat: true));
                    break;
                case BotApiFault.ServerError:
                    // Nothing went out, but a 5xx does not say so: an at-most-once message is given up as unknown.
                    windows.Add(new FaultWindow("Bot API 5xx", from, DateTimeOffset.UtcNow, MayRepeat: false));
                    break;
            }
        }

        if (quick)
        {
            await At(6);
            await KillAsync(1);
            await At(14);
            await RestartDatabaseAsync();
            await At(20);
            await BotApiAsync(BotApiFault.Slow, 6);
            await At(28);
        }
        else
        {
            await At(10);
            await KillAsync(1);
            await At(25);
            await RestartDatabaseAsync();
            await At(38);
            await BotApiAsync(BotApiFault.Slow, 10);
            await At(52);
            await BotApiAsync(BotApiFault.ServerError, 8);
            await At(64);
            await BotApiAsync(BotApiFault.RateLimitStorm, 8);
            await At(76);
            stripe.Down = true;
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: Stripe down for 12 s");
            await Task.Delay(TimeSpan.FromSeconds(12));
            stripe.Down = false;
            await At(92);
            await KillAsync(2);
            await At(104);
        }

        await stopLoad.CancelAsync();
        await load;
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: load stopped; waiting for its users and the work to settle");
        await Task.WhenAll(users);
        await stopPaying.CancelAsync();
        await paying;
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: every user done (work a killed instance held waits for its lease to run out: up to 2 min)");

        var settled = Stopwatch.StartNew();
        var checks = new FaultChecks(db, fake, stripe, cluster, payer, tenants, windows);
        var quiet = await checks.SettleAsync(Patience);
        Console.WriteLine($"  settled {settled.Elapsed.TotalSeconds:F1} s after the users were done{(quiet ? string.Empty : " (NOT: timed out)")}");
        Console.WriteLine($"  load: {tenants.Sum(t => t.Accepted.Count)} updates accepted, {payer.Delivered} Stripe deliveries ({payer.Duplicated} of them repeats), " +
                          $"{fake.Deliveries.Count} Bot API calls carried out, {fake.Refused} refused by the faults, {stripe.Refused} Stripe calls refused while down; " +
                          $"webhook deliveries retried by status (0 = no answer): {string.Join(", ", cluster.Retried.OrderBy(r => r.Key).Select(r => $"{r.Key}: {r.Value}"))}");
        Console.WriteLine($"  fault windows: {string.Join("; ", windows)}");
        var failed = await checks.RunAsync();
        Console.WriteLine(failed == 0 ? "fault suite: every invariant held" : $"fault suite: {failed} invariant(s) broken (instance logs: {logs})");
        return failed == 0 ? 0 : 1;
    }

    private static int Broadcasted(FakeBotApi fake) => fake.Texts.Count(t => t.Key.Text == FaultTenant.BroadcastText);
}
