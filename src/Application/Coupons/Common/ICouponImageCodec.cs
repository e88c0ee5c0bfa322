namespace PromoStack.Application.Coupons;

/// <summary>
/// Checks an uploaded image and re-encodes it: PNG, JPEG or WebP recognised by their bytes (never the file name), at
/// most <see cref="MaxBytes"/> and <see cref="MaxSide"/>×<see cref="MaxSide"/> read from the header before anything
/// is decoded (no decompression bombs), decoded once and written again as PNG (metadata stripped). Anything else is
/// an <see cref="ImageRejectedException"/> with the reason.
/// </summary>
public interface ICouponImageCodec
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 4096;

    NormalisedImage Normalise(ReadOnlySpan<byte> upload);
}

/// <summary>An accepted image: PNG bytes, its size, the format it came in and the SHA-256 (hex) of the PNG.</summary>
public sealed record NormalisedImage(byte[] Png, int Width, int Height, string SourceFormat, string Sha256);

/// <summary>An upload that is not an acceptable image; the message says why (shown to the admin).</summary>
public sealed class ImageRejectedException(string reason) : Exception(reason);
