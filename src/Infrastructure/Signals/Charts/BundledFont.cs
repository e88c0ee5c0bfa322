using ScottPlot;
using SkiaSharp;

namespace PromoStack.Infrastructure.Signals.Charts;

/// <summary>
/// DejaVu Sans, shipped inside this assembly (licence beside the file in <c>Fonts/</c>), so charts have their text on a
/// server without any installed font or fontconfig. ScottPlot asks its resolvers before the system, and this one is put
/// first; it answers only to <see cref="Name"/>, with the regular face for every weight and slant.
/// </summary>
internal sealed class BundledFont : IFontResolver
{
    /// <summary>The family name inside the file, which SVG output names too.</summary>
    public const string Name = "DejaVu Sans";

    private const string Resource = "PromoStack.Infrastructure.Signals.Charts.DejaVuSans.ttf";

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded font {Resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lock Registration = new();
    private static bool _registered;

    /// <summary>Puts the font ahead of the system's in ScottPlot's (process-wide) resolver list, once.</summary>
    public static void Register()
    {
        lock (Registration)
        {
            if (!_registered)
            {
                Fonts.FontResolvers.Insert(0, new BundledFont());
                _registered = true;
            }
        }
    }

    // A new typeface each time: ScottPlot caches what it keeps and disposes what it only probed.
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => CreateTypeface(fontName, false, false);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? SKTypeface.FromData(SKData.CreateCopy(Bytes.Value)) : null;
}
