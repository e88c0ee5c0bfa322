using SkiaSharp;

namespace PromoStack.Infrastructure.Coupons.Rendering;

/// <summary>
/// DejaVu Sans Bold, embedded in this assembly (licence beside the file in <c>Fonts/</c>): codes look the same on
/// every host, and no system font or fontconfig is needed. One typeface for the process (Skia typefaces are immutable
/// and safe to share between threads).
/// </summary>
internal static class CouponFont
{
    private const string ResourceName = "PromoStack.Infrastructure.Coupons.Rendering.Fonts.DejaVuSans-Bold.ttf";

    private static readonly Lazy<SKTypeface> Bold = new(Load);

    public static SKTypeface Typeface => Bold.Value;

    /// <summary>
    /// A font of the typeface at <paramref name="sizePx"/>, unhinted with subpixel positioning, so its measurements scale
    /// linearly with the size and match what is drawn.
    /// </summary>
    public static SKFont At(float sizePx) => new(Typeface, sizePx)
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
    };

    private static SKTypeface Load()
    {
        using var stream = typeof(CouponFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded font {ResourceName} is missing from the build.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {ResourceName} could not be read.");
    }
}
