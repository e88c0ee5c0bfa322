namespace PromoStack.Domain.Coupons;

/// <summary>The image sizes a template comes in; stored as <c>square</c>, <c>story</c>, <c>feed</c>.</summary>
public enum CouponSize
{
    /// <summary>1080×1080 (1:1).</summary>
    Square,

    /// <summary>1080×1920 (9:16).</summary>
    Story,

    /// <summary>1080×1440 (3:4, Instagram feed).</summary>
    Feed,
}

/// <summary>Names, labels and shapes of <see cref="CouponSize"/>.</summary>
public static class CouponSizes
{
    public static readonly IReadOnlyList<CouponSize> All = [CouponSize.Square, CouponSize.Story, CouponSize.Feed];

    public static string Name(CouponSize size) => size switch
    {
        CouponSize.Square => "square",
        CouponSize.Story => "story",
        _ => "feed",
    };

    public static CouponSize? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "square" => CouponSize.Square,
        "story" => CouponSize.Story,
        "feed" => CouponSize.Feed,
        _ => null,
    };

    /// <summary>The size the admin app and the bot name (e.g. <c>Story (1080×1920)</c>).</summary>
    public static string Label(CouponSize size) => size switch
    {
        CouponSize.Square => "Square (1080×1080)",
        CouponSize.Story => "Story (1080×1920)",
        _ => "Feed (1080×1440)",
    };

    /// <summary>The reference pixel size; an uploaded image must have its aspect ratio (any resolution).</summary>
    public static (int Width, int Height) Reference(CouponSize size) => size switch
    {
        CouponSize.Square => (1080, 1080),
        CouponSize.Story => (1080, 1920),
        _ => (1080, 1440),
    };

    /// <summary>Whether an image of this width and height has the size's aspect ratio (within half a percent).</summary>
    public static bool Fits(CouponSize size, int width, int height)
    {
        var (w, h) = Reference(size);
        return width > 0 && height > 0 && Math.Abs(((double)width / height) - ((double)w / h)) <= 0.005 * w / h;
    }
}
