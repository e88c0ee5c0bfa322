using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PromoStack.Application.Coupons;
using SkiaSharp;

namespace PromoStack.Infrastructure.Coupons.Rendering;

/// <summary>
/// Checks uploads with Skia: the format from the first bytes (PNG, JPEG or WebP signatures; never the file name), the
/// byte size, then the pixel size from the header (Skia's codec reads it without decoding pixels), and only then one
/// decode, to RGBA in sRGB (converted from an embedded colour profile, turned upright from a JPEG's EXIF orientation),
/// written again as a PNG with no metadata at all: no EXIF, no text chunks, no colour profile (RGB when no pixel is
/// transparent, RGBA otherwise).
/// </summary>
public sealed class SkiaImageCodec : ICouponImageCodec
{
    /// <summary>Skia's default, the smallest files: an upload is encoded once and its PNG read at every cache miss.</summary>
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.AllFilters, 6);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Riff => "RIFF"u8;

    private static ReadOnlySpan<byte> Webp => "WEBP"u8;

    public NormalisedImage Normalise(ReadOnlySpan<byte> upload)
    {
        if (upload.Length > ICouponImageCodec.MaxBytes)
        {
            throw new ImageRejectedException(
                $"the image is {Megabytes(upload.Length)} MB; at most {ICouponImageCodec.MaxBytes / (1024 * 1024)} MB");
        }

        var format = FormatOf(upload) ?? throw new ImageRejectedException("not a PNG, JPEG or WebP image");
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw Undecodable();
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > ICouponImageCodec.MaxSide || height > ICouponImageCodec.MaxSide)
        {
            throw new ImageRejectedException(
                $"the image is {width}×{height}; at most {ICouponImageCodec.MaxSide}×{ICouponImageCodec.MaxSide}");
        }

        if (width < 1 || height < 1)
        {
            throw Undecodable();
        }

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, alpha);
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info.WithColorSpace(SKColorSpace.CreateSrgb()), decoded.GetPixels()) != SKCodecResult.Success)
        {
            throw Undecodable();
        }

        using var turned = codec.EncodedOrigin is SKEncodedOrigin.TopLeft ? null : Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        using var pixels = upright.PeekPixels();
        using var opaque = alpha != SKAlphaType.Opaque && RgbaPixels.AreOpaque(pixels.GetPixelSpan())
            ? new SKPixmap(pixels.Info.WithAlphaType(SKAlphaType.Opaque), pixels.GetPixels(), pixels.RowBytes)
            : null;
        using var encoded = (opaque ?? pixels).Encode(PngOptions) ?? throw Undecodable();
        var png = encoded.ToArray();
        return new NormalisedImage(png, upright.Width, upright.Height, format, Convert.ToHexStringLower(SHA256.HashData(png)));
    }

    /// <summary><c>png</c>, <c>jpeg</c> or <c>webp</c> from the file's signature, or null.</summary>
    private static string? FormatOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? "png"
        : bytes.StartsWith(JpegSignature) ? "jpeg"
        : bytes.Length >= 12 && bytes.StartsWith(Riff) && bytes[8..12].SequenceEqual(Webp) ? "webp"
        : null;

    private static ImageRejectedException Undecodable() => new("the image could not be decoded");

    /// <summary>Rounded up to a tenth, so anything over the limit never reads as the limit itself.</summary>
    private static string Megabytes(int bytes) =>
        (Math.Ceiling(bytes * 10.0 / (1024 * 1024)) / 10).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The pixels as they are meant to be seen: a JPEG's EXIF orientation applied by moving pixels (exact, whatever the
    /// alpha type), since the metadata that carried it is not written again.
    /// </summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var transposed = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(source.Info.WithSize(transposed ? h : w, transposed ? w : h));
        var from = MemoryMarshal.Cast<byte, uint>(source.GetPixelSpan());
        var to = MemoryMarshal.Cast<byte, uint>(result.GetPixelSpan());
        var stride = result.Width;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (tx, ty) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (h - 1 - y, x),
                    SKEncodedOrigin.RightBottom => (h - 1 - y, w - 1 - x),
                    SKEncodedOrigin.LeftBottom => (y, w - 1 - x),
                    _ => (x, y),
                };
                to[(ty * stride) + tx] = from[(y * w) + x];
            }
        }

        return result;
    }
}
