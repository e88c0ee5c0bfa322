using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Templates;

/// <summary>Template requests as the admin app sends them: multipart forms with the JSON field and images drawn here.</summary>
internal static class TemplateForms
{
    /// <summary>Small images of each size's shape (the API checks the shape, not the resolution).</summary>
    public static readonly (int Width, int Height) Square = (216, 216);
    public static readonly (int Width, int Height) Story = (216, 384);
    public static readonly (int Width, int Height) Feed = (216, 288);

    /// <summary>A PNG of that size: a background colour with a darker band, so each colour is another image.</summary>
    public static byte[] Png((int Width, int Height) size, uint argb = 0xFF2A4D69) => Encode(size, argb, SKEncodedImageFormat.Png);

    public static byte[] Jpeg((int Width, int Height) size, uint argb = 0xFF2A4D69) => Encode(size, argb, SKEncodedImageFormat.Jpeg);

    /// <summary>The decoded size of a PNG answer (null when it is not an image).</summary>
    public static (int Width, int Height)? SizeOf(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap is null ? null : (bitmap.Width, bitmap.Height);
    }

    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>How many pixels of two images of the same size differ.</summary>
    public static int DifferingPixels(byte[] a, byte[] b)
    {
        using var first = SKBitmap.Decode(a);
        using var second = SKBitmap.Decode(b);
        first.Width.Should().Be(second.Width);
        first.Height.Should().Be(second.Height);
        var differing = 0;
        for (var y = 0; y < first.Height; y++)
        {
            for (var x = 0; x < first.Width; x++)
            {
                differing += first.GetPixel(x, y) == second.GetPixel(x, y) ? 0 : 1;
            }
        }

        return differing;
    }

    /// <summary>A size's JSON: a box across the lower part of the image, white text.</summary>
    public static Dictionary<string, object?> Size(
        string size, double leftPct = 10, double topPct = 70, double widthPct = 80, double heightPct = 15, int maxFontPx = 80, string color = "#FFFFFF",
        object? outline = null, bool showLogo = false) => new()
    {
        ["size"] = size,
        ["box"] = new { leftPct, topPct, widthPct, heightPct, hAlign = "center", vAlign = "middle" },
        ["maxFontPx"] = maxFontPx,
        ["color"] = color,
        ["outline"] = outline,
        ["showLogo"] = showLogo,
    };

    public static Dictionary<string, object?> Template(string name, IEnumerable<object> sizes, string? slug = null, bool telegram = true, bool web = false)
    {
        var template = new Dictionary<string, object?> { ["name"] = name, ["telegramEnabled"] = telegram, ["webEnabled"] = web, ["sizes"] = sizes.ToList() };
        if (slug is not null)
        {
            template["slug"] = slug;
        }

        return template;
    }

    /// <summary>The multipart form: the <c>template</c> field as JSON (or as given, when a string) and the files by their form names.</summary>
    public static MultipartFormDataContent Form(object? template, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        if (template is not null)
        {
            form.Add(new StringContent(template as string ?? JsonSerializer.Serialize(template)), "template");
        }

        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, name, $"{name}.png");
        }

        return form;
    }

    private static byte[] Encode((int Width, int Height) size, uint argb, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(argb));
            using var band = new SKPaint { Color = new SKColor(0x10, 0x10, 0x10, 0x80) };
            canvas.DrawRect(SKRect.Create(0, size.Height * 0.4f, size.Width, size.Height * 0.2f), band);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
