using System.Numerics;
using System.Runtime.InteropServices;

namespace PromoStack.Infrastructure.Coupons.Rendering;

/// <summary>Facts about 8-bit RGBA pixel buffers.</summary>
internal static class RgbaPixels
{
    /// <summary>
    /// Whether every pixel's alpha is 255, so the image can be written as RGB (a quarter less to compress). Read as
    /// little-endian 32-bit words, where RGBA's alpha byte is the high byte.
    /// </summary>
    public static bool AreOpaque(ReadOnlySpan<byte> rgba)
    {
        var pixels = MemoryMarshal.Cast<byte, uint>(rgba);
        const uint alpha = 0xFF000000;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var mask = new Vector<uint>(alpha);
            for (; i <= pixels.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                if (!Vector.EqualsAll(new Vector<uint>(pixels[i..]) & mask, mask))
                {
                    return false;
                }
            }
        }

        for (; i < pixels.Length; i++)
        {
            if ((pixels[i] & alpha) != alpha)
            {
                return false;
            }
        }

        return true;
    }
}
