using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;

namespace PromoStack.Benchmarks;

internal sealed record Settings(string Database, string ApiDll, string CliDll, string WebApiDir, string ApiUrl, string MasterKey, string DevKeyPath)
{
    public static Settings FromEnvironment() => new(
        Required("BENCH_DB"), Required("BENCH_API_DLL"), Required("BENCH_CLI_DLL"), Required("BENCH_WEBAPI_DIR"),
        Environment.GetEnvironmentVariable("BENCH_API_URL") ?? "http://127.0.0.1:5091", Required("Secrets__MasterKey"), Required("Auth__DevKeyPath"));

    /// <summary>Whether a part runs: all of them, or those BENCH_ONLY lists (e.g. <c>stripe</c> or <c>webhook,delivery</c>).</summary>
    public static bool Runs(string part) =>
        Environment.GetEnvironmentVariable("BENCH_ONLY") is not { Length: > 0 } only
        || only.Split(',', StringSplitOptions.TrimEntries).Contains(part, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether BENCH_ONLY names a part that runs only when asked for (e.g. <c>app</c>, which needs Chromium and the built app).</summary>
    public static bool Asked(string part) =>
        Environment.GetEnvironmentVariable("BENCH_ONLY") is { Length: > 0 } only
        && only.Split(',', StringSplitOptions.TrimEntries).Contains(part, StringComparer.OrdinalIgnoreCase);

    public int Int(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    public Dictionary<string, string> AppEnvironment(string telegramUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Postgres"] = Database,
        ["Secrets__MasterKey"] = MasterKey,
        ["Auth__DevTokens"] = "true",
        ["Auth__DevKeyPath"] = DevKeyPath,
        ["App__PublicBaseUrl"] = ApiUrl,
        ["Telegram__ApiBaseUrl"] = telegramUrl,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is required (run ./promostack bench telegram).");
}

internal static class Processes
{
    public static Process Start(string dll, string arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet", $"{dll} {arguments}")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  [api] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs wrk (from Debian's packages) and returns its report.</summary>
    public static async Task<string> WrkAsync(string arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is needed: apt-get install -y wrk");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    /// <summary>Runs a shell command (e.g. the database restart the fault suite is given) and fails when it fails.</summary>
    public static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}.");
        }
    }

    public static async Task<string> RunAsync(string dll, string arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet", $"{dll} {arguments}")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{dll} {arguments} failed: {output}");
    }
}

internal static class WebhookClients
{
    /// <summary>
    /// Posts to a webhook as Telegram does: the secret header, no bearer token, a bounded number of connections (Telegram's
    /// max_connections: 40 by default, 100 at most); an update waiting for a free connection counts that wait in its latency.
    /// </summary>
    public static HttpClient TelegramLike(string secret, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = connections })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return client;
    }
}

internal sealed record LoadResult(int Count, TimeSpan Elapsed, double[] LatenciesMs)
{
    public void Print(string label)
    {
        Array.Sort(LatenciesMs);
        double Percentile(double p) => LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(p * LatenciesMs.Length))];
        Console.WriteLine($"{label}: {Count / Elapsed.TotalSeconds:F0}/s over {Elapsed.TotalSeconds:F1} s; p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, " +
                          $"p99.9 {Percentile(0.999):F1} ms, max {LatenciesMs[^1]:F1} ms");
    }
}

internal static class Load
{
    /// <summary>Runs <paramref name="count"/> calls with <paramref name="concurrency"/> callers, each as fast as the last one completes.</summary>
    public static async Task<LoadResult> RunAsync(int count, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i + 1);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        return new LoadResult(count, clock.Elapsed, latencies);
    }
}

/// <summary>Counting rows in the bench database, and waiting for a count.</summary>
internal static class Rows
{
    public static async Task<long> CountAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task WaitForAsync(NpgsqlDataSource db, string sql, long expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (await CountAsync(db, sql) < expected)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Still waiting for {expected} rows: {sql}");
            }

            await Task.Delay(200);
        }
    }
}

internal static class Paced
{
    /// <summary>
    /// An open-loop load: call i is due at i / <paramref name="perSecond"/> seconds whether or not earlier calls have
    /// answered, and its latency counts from when it was due, so a stall shows in every call it delays (no coordinated
    /// omission). The first <paramref name="warmUp"/> calls are not measured; <paramref name="measuring"/> runs as the
    /// first measured call is due. BENCH_PER_SECOND=1 prints each second's latencies, warm-up included.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(int count, int perSecond, int warmUp, Action measuring, Func<int, Task> call)
    {
        var latencies = new double[count];
        var calls = new Task[count];
        var started = Stopwatch.GetTimestamp();
        var measured = started;
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (i == warmUp)
            {
                measuring();
                measured = Stopwatch.GetTimestamp();
            }

            calls[i] = Timed(i, due);
        }

        await Task.WhenAll(calls);
        if (Environment.GetEnvironmentVariable("BENCH_PER_SECOND") == "1")
        {
            for (var second = 0; second * perSecond < count; second++)
            {
                var slice = latencies.Skip(second * perSecond).Take(perSecond).Order().ToArray();
                Console.WriteLine($"    second {second}: p50 {slice[slice.Length / 2]:F1} ms, p99 {slice[(int)(slice.Length * 0.99)]:F1} ms, max {slice[^1]:F1} ms");
            }
        }

        return new LoadResult(count - warmUp, Stopwatch.GetElapsedTime(measured), latencies[warmUp..]);

        async Task Timed(int i, TimeSpan due)
        {
            await call(i);
            latencies[i] = (Stopwatch.GetElapsedTime(started) - due).TotalMilliseconds;
        }
    }
}

internal static class Updates
{
    /// <summary>A private-chat user blocking the bot: stored, processed (the bot user is marked), no reply queued.</summary>
    public static string BlockedBot(int i) => new JsonObject
    {
        ["update_id"] = i,
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = 10_000_000L + i, ["type"] = "private", ["first_name"] = "User" },
            ["from"] = new JsonObject { ["id"] = 10_000_000L + i, ["is_bot"] = false, ["first_name"] = "User" },
            ["date"] = 1_700_000_000,
            ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = Bot() },
            ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["user"] = Bot(), ["until_date"] = 0 },
        },
    }.ToJsonString();

    private static JsonObject Bot() => new() { ["id"] = 7_000_000_001, ["is_bot"] = true, ["first_name"] = "bench" };
}

/// <summary>CPU time spent by the API process and by PostgreSQL (all its processes, from /proc) over a stretch of load.</summary>
internal sealed class CpuMeter(Process api)
{
    private TimeSpan _api;
    private TimeSpan _postgres;

    public static CpuMeter Start(Process api)
    {
        var meter = new CpuMeter(api);
        meter._api = Api(api);
        meter._postgres = Postgres();
        return meter;
    }

    /// <summary>Milliseconds of CPU per unit of work since the start: API, PostgreSQL.</summary>
    public string PerUnit(int units) =>
        $"CPU per event: API {(Api(api) - _api).TotalMilliseconds / units:F2} ms, PostgreSQL {(Postgres() - _postgres).TotalMilliseconds / units:F2} ms";

    private static TimeSpan Api(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static TimeSpan Postgres()
    {
        var ticks = 0L;
        foreach (var directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    var fields = File.ReadAllText(Path.Combine(directory, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while it was read, or is not ours to read.
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10.0);
    }
}
