using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using PromoStack.Infrastructure.Coupons.Rendering;

namespace PromoStack.RenderBenchmarks;

/// <summary>One coupon, 1080×1920, drawn on a cached background and encoded: PNG at full size, and a 320 px JPEG preview.</summary>
[Config(typeof(Percentiles))]
public class CouponRenderBenchmarks
{
    private SkiaCouponRenderer _renderer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = RenderFixture.Renderer(concurrency: 1);
        _renderer.RenderPngAsync(RenderFixture.Request("WARMUP"), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _renderer.Dispose();

    [Benchmark(Description = "render + PNG, 1080×1920")]
    public Task<byte[]> Png() => _renderer.RenderPngAsync(RenderFixture.Request(Code()), CancellationToken.None);

    [Benchmark(Description = "render + JPEG preview (320 px)")]
    public Task<byte[]> Preview() => _renderer.RenderPreviewJpegAsync(RenderFixture.Request(Code()), 320, CancellationToken.None);

    /// <summary>A different code each time (lengths 7 to 10), as affiliates send.</summary>
    private string Code() => $"SAVE{_next++ % 100_000}";

    /// <summary>Mean, median, 95th percentile and allocations per render.</summary>
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.P50, StatisticColumn.P95);
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
