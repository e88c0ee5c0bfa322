using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using SkiaSharp;

namespace PromoStack.Infrastructure.Coupons.Rendering;

/// <summary>
/// Draws codes with Skia. The code is set in DejaVu Sans Bold at the largest whole size up to the style's maximum whose
/// <b>ink bounds</b> (the glyphs' real extent, the outline included, not the font's ascent and descent) fit the box's
/// width and height (<see cref="TextFit"/>), and placed by those bounds: left/centre/right and top/middle/bottom put the
/// visible letters flush with, or centred in, the box. A code that does not fit even at the minimum size is drawn at the
/// minimum and clipped to the box; nothing is ever drawn outside it. The outline is a stroke of
/// <see cref="TextOutline.WidthPx"/> (half of it outside the letters, like a canvas <c>lineWidth</c>) with round joins,
/// under the fill.
/// <para>
/// The background (the template with the logo, when the style shows one, in a circle at the top left) is decoded once
/// per <see cref="CouponRenderRequest.CacheKey"/> and kept in a memory cache bounded by its pixel bytes
/// (<see cref="CouponRenderingOptions.TemplateCacheMegabytes"/>); concurrent renders of an uncached key share one load.
/// At most <see cref="CouponRenderingOptions.MaxConcurrentRenders"/> renders run at once; the others wait for a slot.
/// A template's bytes are fetched from the store without a slot; decoding it takes one.
/// </para>
/// <para>
/// Metrics (meter <c>PromoStack.Coupons</c>): <c>promostack.coupon.renders.active</c> (renders holding a slot),
/// <c>promostack.coupon.renders.waiting</c> and <c>promostack.coupon.render.duration</c> (ms in a slot).
/// </para>
/// </summary>
public sealed class SkiaCouponRenderer : ICouponRenderer, IDisposable
{
    private const int MinimumPreviewSide = 16;
    private const int JpegQuality = 85;

    /// <summary>
    /// The Sub row filter and zlib level 3, chosen by measurement (<c>bench/PromoStack.RenderBenchmarks</c>,
    /// <c>png-options</c>): on a 1080×1920 coupon written as RGB, 24 ms and 296 KiB against Skia's default (every filter
    /// tried, level 6) at 100 ms and 205 KiB. Encoding is most of a render's time; the files stay far below Telegram's limits.
    /// </summary>
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 3);

    public const string MeterName = "PromoStack.Coupons";

    private readonly SemaphoreSlim _slots;
    private readonly MemoryCache _backgrounds;
    private readonly UpDownCounter<int> _active;
    private readonly UpDownCounter<int> _waiting;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, Task<Background>> _loading = new(StringComparer.Ordinal);
    private readonly TimeSpan _idle;

    public SkiaCouponRenderer(IOptions<CouponRenderingOptions> options, IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _active = meter.CreateUpDownCounter<int>("promostack.coupon.renders.active", description: "Coupon renders or template decodes holding a slot");
        _waiting = meter.CreateUpDownCounter<int>("promostack.coupon.renders.waiting", description: "Coupon renders waiting for a slot");
        _duration = meter.CreateHistogram<double>("promostack.coupon.render.duration", "ms", "Time a render or decode holds a slot");
        var settings = options.Value;
        _slots = new SemaphoreSlim(settings.Concurrency, settings.Concurrency);
        _backgrounds = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, settings.TemplateCacheMegabytes) * 1024L * 1024L,
            CompactionPercentage = 0.25,
        });
        _idle = TimeSpan.FromMinutes(Math.Max(1, settings.TemplateCacheIdleMinutes));
    }

    public Task<byte[]> RenderPngAsync(CouponRenderRequest request, CancellationToken cancellationToken) =>
        RenderAsync(request, EncodePng, cancellationToken);

    public Task<byte[]> RenderPreviewJpegAsync(CouponRenderRequest request, int maxSide, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, MinimumPreviewSide);
        return RenderAsync(request, bitmap => EncodePreview(bitmap, maxSide), cancellationToken);
    }

    public void Dispose()
    {
        _backgrounds.Dispose();
        _slots.Dispose();
    }

    private async Task<byte[]> RenderAsync(CouponRenderRequest request, Func<SKBitmap, byte[]> encode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var background = await BackgroundAsync(request, cancellationToken);
        return await InSlotAsync(
            () =>
            {
                using var bitmap = background.Copy();
                using (var canvas = new SKCanvas(bitmap))
                {
                    DrawCode(canvas, bitmap.Width, bitmap.Height, request.Style, request.Code);
                }

                return encode(bitmap);
            },
            cancellationToken);
    }

    /// <summary>Runs CPU work once a slot is free, counted in the metrics.</summary>
    private async Task<T> InSlotAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        _waiting.Add(1);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiting.Add(-1);
        }

        _active.Add(1);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _active.Add(-1);
            _slots.Release();
        }
    }

    /// <summary>
    /// The cached background, or one load shared by every render asking for the key meanwhile. A load abandoned because
    /// its caller gave up is started again by a caller still waiting, so one caller's cancellation fails no other.
    /// </summary>
    private async Task<Background> BackgroundAsync(CouponRenderRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_backgrounds.TryGetValue(request.CacheKey, out Background? cached) && cached is not null)
            {
                return cached;
            }

            var mine = new TaskCompletionSource<Background>(TaskCreationOptions.RunContinuationsAsynchronously);
            var loading = _loading.GetOrAdd(request.CacheKey, mine.Task);
            if (loading != mine.Task)
            {
                try
                {
                    return await loading.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue;
                }
            }

            // The load leaves the in-flight list before its waiters are woken, so a waiter that starts again starts afresh.
            try
            {
                var background = await LoadAsync(request, cancellationToken);
                _backgrounds.Set(request.CacheKey, background, new MemoryCacheEntryOptions
                {
                    Size = background.Pixels.LongLength,
                    SlidingExpiration = _idle,
                });
                Loaded(request.CacheKey, mine.Task);
                mine.SetResult(background);
                return background;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Loaded(request.CacheKey, mine.Task);
                mine.SetCanceled(cancellationToken);
                throw;
            }
            catch (Exception exception)
            {
                Loaded(request.CacheKey, mine.Task);
                mine.SetException(exception);
                _ = mine.Task.Exception; // observed: a failure nobody else waited for is not reported again as unobserved
                throw;
            }
        }
    }

    private void Loaded(string key, Task<Background> load) =>
        _loading.TryRemove(new KeyValuePair<string, Task<Background>>(key, load));

    /// <summary>
    /// The bytes are fetched without a render slot (a slow store holds up no render of a cached template), the
    /// decoding is done in one (it takes the CPU and memory of a render).
    /// </summary>
    private async Task<Background> LoadAsync(CouponRenderRequest request, CancellationToken cancellationToken)
    {
        var image = await LoadBytesAsync(request.LoadImage, "template image", cancellationToken);
        var logo = request.Style.ShowLogo && request.LoadLogo is { } loadLogo
            ? await LoadBytesAsync(loadLogo, "logo", cancellationToken)
            : null;
        return await InSlotAsync(() => Compose(image, logo), cancellationToken);
    }

    private static async Task<byte[]> LoadBytesAsync(Func<CancellationToken, Task<byte[]>> load, string what, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await load(cancellationToken);
            return bytes is { Length: > 0 } ? bytes : throw new CouponRenderException($"The {what} is empty.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (CouponRenderException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new CouponRenderException($"The {what} could not be loaded: {exception.Message}", exception);
        }
    }

    /// <summary>The template decoded, with the logo drawn on it when there is one, as pixels the cache keeps.</summary>
    private static Background Compose(byte[] image, byte[]? logo)
    {
        using var bitmap = Decode(image, "template image");
        if (logo is not null)
        {
            using var logoBitmap = Decode(logo, "logo");
            using var canvas = new SKCanvas(bitmap);
            DrawLogo(canvas, bitmap.Width, bitmap.Height, logoBitmap);
        }

        var pixels = new byte[bitmap.ByteCount];
        Marshal.Copy(bitmap.GetPixels(), pixels, 0, pixels.Length);
        var opaque = RgbaPixels.AreOpaque(pixels);
        return new Background(bitmap.Info.WithAlphaType(opaque ? SKAlphaType.Opaque : SKAlphaType.Premul), pixels);
    }

    /// <summary>Decoded to premultiplied RGBA in sRGB (colour-managed if the file carries a profile).</summary>
    private static SKBitmap Decode(byte[] encoded, string what)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new CouponRenderException($"The {what} could not be decoded.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > ICouponImageCodec.MaxSide || height > ICouponImageCodec.MaxSide)
        {
            throw new CouponRenderException(
                $"The {what} is {width}×{height}; at most {ICouponImageCodec.MaxSide}×{ICouponImageCodec.MaxSide}.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info.WithColorSpace(SKColorSpace.CreateSrgb()), bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new CouponRenderException($"The {what} could not be decoded ({result}).");
        }

        return bitmap;
    }

    /// <summary>
    /// The logo centre-cropped to a square and drawn in a circle at the top left: margin max(20, 4 %) and diameter
    /// max(32, 12 %) of the image's shorter side.
    /// </summary>
    private static void DrawLogo(SKCanvas canvas, int width, int height, SKBitmap logo)
    {
        var shorter = Math.Min(width, height);
        var margin = Math.Max(20f, 0.04f * shorter);
        var diameter = Math.Max(32f, 0.12f * shorter);
        var side = Math.Min(logo.Width, logo.Height);
        var source = SKRect.Create((logo.Width - side) / 2f, (logo.Height - side) / 2f, side, side);
        var target = SKRect.Create(margin, margin, diameter, diameter);

        using var image = SKImage.FromBitmap(logo);
        using var circle = new SKRoundRect(target, diameter / 2, diameter / 2);
        canvas.Save();
        canvas.ClipRoundRect(circle, SKClipOperation.Intersect, antialias: true);
        canvas.DrawImage(image, source, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Restore();
    }

    private static void DrawCode(SKCanvas canvas, int width, int height, CouponTextStyle style, string code)
    {
        var (left, top, boxWidth, boxHeight) = style.Box.InPixels(width, height);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(style.Color) };
        using var stroke = style.Outline is { } outline
            ? new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = outline.WidthPx,
                StrokeJoin = SKStrokeJoin.Round,
                StrokeCap = SKStrokeCap.Round,
                Color = SKColor.Parse(outline.Color),
            }
            : null;
        using var font = CouponFont.At(TextFit.DefaultMinimumPx);

        var fitted = TextFit.Largest(
            size =>
            {
                var ink = InkBounds(font, size, code, stroke);
                return (ink.Width, ink.Height);
            },
            boxWidth, boxHeight, style.MaxFontPx);
        var bounds = InkBounds(font, fitted.SizePx, code, stroke);

        var x = style.Box.Horizontal switch
        {
            HorizontalAlign.Left => left - bounds.Left,
            HorizontalAlign.Right => left + boxWidth - bounds.Right,
            _ => left + ((boxWidth - bounds.Width) / 2) - bounds.Left,
        };
        var y = style.Box.Vertical switch
        {
            VerticalAlign.Top => top - bounds.Top,
            VerticalAlign.Bottom => top + boxHeight - bounds.Bottom,
            _ => top + ((boxHeight - bounds.Height) / 2) - bounds.Top,
        };

        canvas.Save();
        canvas.ClipRect(SKRect.Create(left, top, boxWidth, boxHeight), SKClipOperation.Intersect, antialias: false);
        if (stroke is not null)
        {
            canvas.DrawText(code, x, y, SKTextAlign.Left, font, stroke);
        }

        canvas.DrawText(code, x, y, SKTextAlign.Left, font, fill);
        canvas.Restore();
    }

    /// <summary>The text's ink bounds at a size, relative to its origin on the baseline, the outline's stroke included.</summary>
    private static SKRect InkBounds(SKFont font, float sizePx, string code, SKPaint? stroke)
    {
        font.Size = sizePx;
        font.MeasureText(code, out var bounds, stroke);
        return bounds;
    }

    private static byte[] EncodePng(SKBitmap bitmap)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(PngOptions) ?? throw new CouponRenderException("The image could not be encoded as PNG.");
        return data.ToArray();
    }

    /// <summary>Scaled down (never up) to fit <paramref name="maxSide"/>, with mipmapped trilinear sampling, over white.</summary>
    private static byte[] EncodePreview(SKBitmap bitmap, int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(bitmap.Width, bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));

        using var image = SKImage.FromBitmap(bitmap);
        using var preview = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(preview))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        using var pixmap = preview.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(JpegQuality))
            ?? throw new CouponRenderException("The preview could not be encoded as JPEG.");
        return data.ToArray();
    }

    /// <summary>
    /// A decoded background: its pixel layout and premultiplied RGBA bytes, copied into each render's canvas. Marked
    /// opaque when no pixel is transparent (most templates), so the PNG is written as RGB.
    /// </summary>
    private sealed record Background(SKImageInfo Info, byte[] Pixels)
    {
        public SKBitmap Copy()
        {
            var bitmap = new SKBitmap(Info);
            Marshal.Copy(Pixels, 0, bitmap.GetPixels(), Pixels.Length);
            return bitmap;
        }
    }
}
