using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using SkiaSharp;

namespace PromoStack.Infrastructure.Coupons.Rendering;

/// <summary>
/// Two sample templates drawn from code (gradients, shapes and the bundled font; no artwork from anyone else), at each
/// size's reference resolution: a headline, a "YOUR CODE" label and a dark strip with a dashed border where the code
/// goes. The returned box is the strip less its padding, so a white or light code reads well on it.
/// </summary>
public sealed class SampleCouponArt : ICouponSampleArt
{
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.AllFilters, 6);

    public SampleArt Draw(CouponSize size, int sample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sample, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sample, ICouponSampleArt.Count);
        var (width, height) = CouponSizes.Reference(size);
        var design = sample == 1 ? Designs.TwentyOff : Designs.FlashSale;

        var strip = SKRect.Create(width * 0.1f, height * 0.62f, width * 0.8f, width * 0.14f);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            DrawBackground(canvas, width, height, design);
            DrawText(canvas, design.Headline, SKRect.Create(width * 0.08f, height * 0.18f, width * 0.84f, height * 0.17f), SKColors.White);
            DrawText(canvas, design.Subheading, SKRect.Create(width * 0.12f, height * 0.39f, width * 0.76f, height * 0.045f), design.Accent);
            DrawText(canvas, "YOUR CODE", SKRect.Create(width * 0.3f, height * 0.565f, width * 0.4f, height * 0.03f), SKColors.White.WithAlpha(220));
            DrawText(canvas, "SAMPLE TEMPLATE · PROMOSTACK", SKRect.Create(width * 0.2f, height * 0.93f, width * 0.6f, height * 0.022f), SKColors.White.WithAlpha(150));
            DrawStrip(canvas, strip, design.Accent);
        }

        var padX = width * 0.04f;
        var padY = strip.Height * 0.16f;
        var box = new TextBox(
            100.0 * (strip.Left + padX) / width,
            100.0 * (strip.Top + padY) / height,
            100.0 * (strip.Width - (2 * padX)) / width,
            100.0 * (strip.Height - (2 * padY)) / height,
            HorizontalAlign.Center,
            VerticalAlign.Middle);

        using var pixmap = bitmap.PeekPixels();
        using var png = pixmap.Encode(PngOptions) ?? throw new InvalidOperationException("The sample could not be encoded as PNG.");
        return new SampleArt(png.ToArray(), box, design.Name);
    }

    private static void DrawBackground(SKCanvas canvas, int width, int height, Design design)
    {
        using (var gradient = SKShader.CreateLinearGradient(
                   new SKPoint(0, 0), new SKPoint(design.Diagonal ? width : 0, height), [design.From, design.To], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = gradient })
        {
            canvas.DrawRect(SKRect.Create(width, height), paint);
        }

        using var shape = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(28) };
        if (design.Diagonal)
        {
            var stripe = width * 0.06f;
            for (var x = -height; x < width; x += (int)(stripe * 3))
            {
                using var builder = new SKPathBuilder();
                builder.AddPoly([new(x, height), new(x + stripe, height), new(x + stripe + height, 0), new(x + height, 0)], close: true);
                using var path = builder.Detach();
                canvas.DrawPath(path, shape);
            }
        }
        else
        {
            canvas.DrawCircle(width * 0.05f, height * 0.06f, width * 0.28f, shape);
            canvas.DrawCircle(width * 0.95f, height * 0.5f, width * 0.22f, shape);
            canvas.DrawCircle(width * 0.15f, height * 0.9f, width * 0.16f, shape);
            shape.Color = design.Accent.WithAlpha(60);
            canvas.DrawCircle(width * 0.88f, height * 0.1f, width * 0.1f, shape);
        }
    }

    private static void DrawStrip(SKCanvas canvas, SKRect strip, SKColor accent)
    {
        var radius = strip.Height * 0.18f;
        using var fill = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(120) };
        canvas.DrawRoundRect(strip, radius, radius, fill);
        using var dashes = SKPathEffect.CreateDash([strip.Height * 0.16f, strip.Height * 0.1f], 0);
        using var border = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = Math.Max(3, strip.Height * 0.04f),
            Color = accent,
            PathEffect = dashes,
        };
        canvas.DrawRoundRect(strip, radius, radius, border);
    }

    /// <summary>The text at the largest size whose ink fits the rectangle, centred in it.</summary>
    private static void DrawText(SKCanvas canvas, string text, SKRect rect, SKColor color)
    {
        using var font = CouponFont.At(TextFit.DefaultMinimumPx);
        SKRect Measure(float size)
        {
            font.Size = size;
            font.MeasureText(text, out var bounds);
            return bounds;
        }

        var fitted = TextFit.Largest(
            size =>
            {
                var bounds = Measure(size);
                return (bounds.Width, bounds.Height);
            },
            rect.Width, rect.Height, rect.Height);
        var ink = Measure(fitted.SizePx);
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawText(text, rect.MidX - ink.MidX, rect.MidY - ink.MidY, SKTextAlign.Left, font, paint);
    }

    private sealed record Design(string Name, string Headline, string Subheading, SKColor From, SKColor To, SKColor Accent, bool Diagonal);

    private static class Designs
    {
        public static readonly Design TwentyOff = new(
            "Sample: 20% off", "20% OFF", "ON YOUR NEXT ORDER", new SKColor(0x1E, 0x1B, 0x4B), new SKColor(0xBE, 0x18, 0x5D), new SKColor(0xFD, 0xE6, 0x8A), Diagonal: false);

        public static readonly Design FlashSale = new(
            "Sample: flash sale", "FLASH SALE", "30% OFF THIS WEEKEND ONLY", new SKColor(0x0F, 0x76, 0x6E), new SKColor(0x0B, 0x1E, 0x3F), new SKColor(0x5E, 0xEA, 0xD4), Diagonal: true);
    }
}
