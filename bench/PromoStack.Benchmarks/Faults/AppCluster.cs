using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PromoStack.Benchmarks.Faults;

/// <summary>
/// Several API instances (workers on) on one database, each in its own process logging to its own file, and a load
/// balancer in front of them that delivers a request as Telegram and Stripe do: to the next instance, again and again
/// with backoff until one answers 2xx (a webhook answered otherwise is delivered again later).
/// </summary>
internal sealed class AppCluster(Settings settings, IReadOnlyDictionary<string, string> environment, int count, int basePort, string logDirectory) : IAsyncDisposable
{
    private readonly Process?[] _processes = new Process?[count];
    private readonly bool[] _up = new bool[count];
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5), MaxConnectionsPerServer = 64 })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    private int _next;

    public int Count => count;

    /// <summary>Answers other than 2xx (and requests that got no answer), by status (0: no answer), while delivering.</summary>
    public ConcurrentDictionary<int, int> Retried { get; } = new();

    /// <summary>Requests the load balancer gave up on (never answered 2xx): each one is a lost update or event.</summary>
    public int GaveUp;

    public string Url(int instance) => $"http://127.0.0.1:{basePort + instance}";

    public async Task StartAllAsync()
    {
        for (var i = 0; i < count; i++)
        {
            await StartAsync(i);
        }
    }

    /// <summary>Starts instance <paramref name="instance"/> and waits until it is ready.</summary>
    public async Task StartAsync(int instance)
    {
        var log = Path.Combine(logDirectory, $"instance-{instance}.log");
        var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet \"{settings.ApiDll}\" --urls {Url(instance)} >>\"{log}\" 2>&1"])
        {
            WorkingDirectory = settings.WebApiDir, UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _processes[instance] = Process.Start(start)!;
        await WaitReadyAsync(instance, TimeSpan.FromMinutes(2));
        _up[instance] = true;
    }

    /// <summary>kill -9: no clean shutdown, whatever it was doing is cut off (its leases run out on their own).</summary>
    public async Task KillAsync(int instance)
    {
        _up[instance] = false;
        if (_processes[instance] is { } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            _processes[instance] = null;
        }
    }

    /// <summary>Waits until every instance that is up answers ready again (after a database restart).</summary>
    public async Task WaitAllReadyAsync(TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            if (_up[i])
            {
                await WaitReadyAsync(i, timeout);
            }
        }
    }

    /// <summary>
    /// Delivers a request until an instance answers 2xx, as the senders of webhooks do; false when it gave up after
    /// <paramref name="patience"/> (the suite counts that as a loss).
    /// </summary>
    public async Task<bool> DeliverAsync(Func<string, HttpRequestMessage> request, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var backoff = TimeSpan.FromMilliseconds(100);
        while (clock.Elapsed < patience)
        {
            var instance = PickInstance();
            try
            {
                using var message = request(Url(instance));
                using var response = await _client.SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                Retried.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError))
                {
                    throw new InvalidOperationException($"{message.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Retried.AddOrUpdate(0, 1, (_, n) => n + 1);
            }

            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
        }

        Interlocked.Increment(ref GaveUp);
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < count; i++)
        {
            await KillAsync(i);
        }

        _client.Dispose();
    }

    /// <summary>The next instance that is up, round robin (a load balancer's health check takes a killed one out).</summary>
    private int PickInstance()
    {
        for (var tries = 0; tries < count; tries++)
        {
            var instance = (int)((uint)Interlocked.Increment(ref _next) % count);
            if (_up[instance])
            {
                return instance;
            }
        }

        return 0;
    }

    private async Task WaitReadyAsync(int instance, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_processes[instance] is { HasExited: true })
            {
                throw new InvalidOperationException($"Instance {instance} exited at start; see {logDirectory}/instance-{instance}.log.");
            }

            try
            {
                using var response = await _client.GetAsync($"{Url(instance)}/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Instance {instance} did not become ready within {timeout.TotalSeconds:F0} s.");
    }
}
