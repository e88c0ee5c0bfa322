using System.Diagnostics;

namespace PromoStack.RenderBenchmarks;

/// <summary>
/// Renders per second when <c>workers</c> callers render one after another for <c>seconds</c>, through one renderer
/// allowing that many at once (the production setting on a machine with that many cores), with latency percentiles.
/// </summary>
internal static class SustainedRenders
{
    public static async Task RunAsync(int workers, TimeSpan duration)
    {
        using var renderer = RenderFixture.Renderer(concurrency: workers);
        await renderer.RenderPngAsync(RenderFixture.Request("WARMUP"), CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            await renderer.RenderPngAsync(RenderFixture.Request($"JIT{i}"), CancellationToken.None);
        }

        var latencies = new List<double>[workers];
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (worker, _) =>
        {
            var mine = latencies[worker] = [];
            var n = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var png = await renderer.RenderPngAsync(RenderFixture.Request($"W{worker}-{n++}"), CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Add(ref bytes, png.Length);
            }
        });
        var elapsed = clock.Elapsed;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        Console.WriteLine(
            $"Sustained, {workers} workers, {elapsed.TotalSeconds:F1} s: {all.Length} renders, {all.Length / elapsed.TotalSeconds:F1} renders/s; " +
            $"latency p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms, max {all[^1]:F1} ms; mean PNG {bytes / all.Length / 1024.0:F0} KiB");
    }
}
