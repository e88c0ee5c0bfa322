using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>An image decoded to unpremultiplied RGBA, one <see cref="uint"/> per pixel (R in the low byte), for comparing pixels.</summary>
internal sealed class RasterImage
{
    private RasterImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public uint[] Pixels { get; }

    public uint this[int x, int y] => Pixels[(y * Width) + x];

    public static RasterImage Decode(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded)) ?? throw new InvalidOperationException("Not an image Skia can read.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new uint[info.Width * info.Height];
        var bytes = new byte[pixels.Length * 4];
        codec.GetPixels(info, bytes).Should().Be(SKCodecResult.Success);
        Buffer.BlockCopy(bytes, 0, pixels, 0, bytes.Length);
        return new RasterImage(info.Width, info.Height, pixels);
    }

    /// <summary>The largest difference of one channel (R, G, B or A) between two pixels.</summary>
    public static int Distance(uint a, uint b)
    {
        var max = 0;
        for (var shift = 0; shift < 32; shift += 8)
        {
            max = Math.Max(max, Math.Abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF)));
        }

        return max;
    }

    public static uint Rgba(byte r, byte g, byte b, byte a = 255) => r | ((uint)g << 8) | ((uint)b << 16) | ((uint)a << 24);

    /// <summary>The smallest rectangle holding every pixel that differs from <paramref name="other"/> at all, or null.</summary>
    public SKRectI? ChangedFrom(RasterImage other)
    {
        int left = int.MaxValue, top = int.MaxValue, right = int.MinValue, bottom = int.MinValue;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (this[x, y] != other[x, y])
                {
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x + 1);
                    bottom = Math.Max(bottom, y + 1);
                }
            }
        }

        return left == int.MaxValue ? null : new SKRectI(left, top, right, bottom);
    }

    public byte[] ToPng()
    {
        var bytes = new byte[Pixels.Length * 4];
        Buffer.BlockCopy(Pixels, 0, bytes, 0, bytes.Length);
        using var image = SKImage.FromPixelCopy(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), bytes);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static RasterImage Of(int width, int height, uint[] pixels) => new(width, height, pixels);
}
