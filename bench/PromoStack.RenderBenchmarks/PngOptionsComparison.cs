using System.Diagnostics;
using SkiaSharp;

namespace PromoStack.RenderBenchmarks;

/// <summary>
/// PNG encoder settings on a rendered 1080×1920 coupon: median time of 15 encodes and the file size, written as RGBA and
/// (the image being opaque) as RGB, to choose the renderer's trade-off between CPU and bytes sent to Telegram.
/// </summary>
internal static class PngOptionsComparison
{
    private static readonly (string Name, SKPngEncoderOptions Options)[] Candidates =
    [
        ("all filters, zlib 6 (Skia default)", new(SKPngEncoderFilterFlags.AllFilters, 6)),
        ("all filters, zlib 3", new(SKPngEncoderFilterFlags.AllFilters, 3)),
        ("sub, zlib 6", new(SKPngEncoderFilterFlags.Sub, 6)),
        ("sub, zlib 3", new(SKPngEncoderFilterFlags.Sub, 3)),
        ("sub, zlib 2", new(SKPngEncoderFilterFlags.Sub, 2)),
        ("sub, zlib 1", new(SKPngEncoderFilterFlags.Sub, 1)),
        ("up, zlib 3", new(SKPngEncoderFilterFlags.Up, 3)),
        ("paeth, zlib 3", new(SKPngEncoderFilterFlags.Paeth, 3)),
        ("no filter, zlib 1", new(SKPngEncoderFilterFlags.NoFilters, 1)),
    ];

    public static void Run()
    {
        using var renderer = RenderFixture.Renderer(concurrency: 1);
        var png = renderer.RenderPngAsync(RenderFixture.Request("WELCOME20"), CancellationToken.None).GetAwaiter().GetResult();
        using var bitmap = SKBitmap.Decode(png);
        using var rgba = bitmap.PeekPixels();
        using var rgb = new SKPixmap(rgba.Info.WithAlphaType(SKAlphaType.Opaque), rgba.GetPixels(), rgba.RowBytes);

        Console.WriteLine($"{"PNG encoder",-36} {"RGBA ms",8} {"KiB",6} {"RGB ms",8} {"KiB",6}");
        foreach (var (name, options) in Candidates)
        {
            var (rgbaMs, rgbaBytes) = Measure(rgba, options);
            var (rgbMs, rgbBytes) = Measure(rgb, options);
            Console.WriteLine($"{name,-36} {rgbaMs,8:F1} {rgbaBytes / 1024.0,6:F0} {rgbMs,8:F1} {rgbBytes / 1024.0,6:F0}");
        }
    }

    private static (double MedianMs, long Bytes) Measure(SKPixmap pixmap, SKPngEncoderOptions options)
    {
        var times = new double[15];
        long size = 0;
        for (var i = -3; i < times.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("Skia wrote no PNG.");
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            size = data.Size;
        }

        Array.Sort(times);
        return (times[times.Length / 2], size);
    }
}
