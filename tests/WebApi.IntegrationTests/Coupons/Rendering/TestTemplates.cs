using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>Template backgrounds and a logo drawn from code (the same pixels on every run), and the render request around them.</summary>
internal static class TestTemplates
{
    /// <summary>The logo's colours: the frame outside its centred square (never shown), the square, and its centre dot.</summary>
    public static readonly SKColor LogoFrame = new(0xFF, 0x8C, 0x00);
    public static readonly SKColor LogoSquare = new(0x00, 0x80, 0x80);
    public static readonly SKColor LogoCentre = SKColors.White;

    /// <summary>A vertical gradient with a grid and two blocks, so a moved or rescaled code shows in the pixels.</summary>
    public static byte[] Background(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using (var gradient = SKShader.CreateLinearGradient(
                       new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(0x24, 0x3B, 0x55), new SKColor(0x14, 0x1E, 0x30)], SKShaderTileMode.Clamp))
            using (var paint = new SKPaint { Shader = gradient })
            {
                canvas.DrawRect(SKRect.Create(width, height), paint);
            }

            using var grid = new SKPaint { Color = new SKColor(0xFF, 0xFF, 0xFF, 0x20), StrokeWidth = 1 };
            for (var x = 0; x < width; x += 60)
            {
                canvas.DrawLine(x + 0.5f, 0, x + 0.5f, height, grid);
            }

            for (var y = 0; y < height; y += 60)
            {
                canvas.DrawLine(0, y + 0.5f, width, y + 0.5f, grid);
            }

            using var block = new SKPaint { Color = new SKColor(0xE0, 0x4F, 0x5F) };
            canvas.DrawRect(SKRect.Create(width * 0.6f, height * 0.08f, width * 0.3f, height * 0.12f), block);
            block.Color = new SKColor(0x3F, 0xB9, 0x7A);
            canvas.DrawRect(SKRect.Create(width * 0.1f, height * 0.82f, width * 0.25f, height * 0.1f), block);
        }

        return Png(bitmap);
    }

    /// <summary>300×200: an orange frame around a teal 200×200 square with a white dot in its centre.</summary>
    public static byte[] Logo()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(300, 200, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(LogoFrame);
            using var paint = new SKPaint { Color = LogoSquare };
            canvas.DrawRect(SKRect.Create(50, 0, 200, 200), paint);
            paint.Color = LogoCentre;
            paint.IsAntialias = true;
            canvas.DrawCircle(150, 100, 40, paint);
        }

        return Png(bitmap);
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("Skia wrote no PNG.");
        return data.ToArray();
    }
}
