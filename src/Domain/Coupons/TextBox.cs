using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>Stored as <c>left</c>, <c>center</c>, <c>right</c>.</summary>
public enum HorizontalAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Stored as <c>top</c>, <c>middle</c>, <c>bottom</c>.</summary>
public enum VerticalAlign
{
    Top,
    Middle,
    Bottom,
}

/// <summary>
/// Where the code goes on a template image, in percent of the image's width and height (so it holds at any
/// resolution of the same aspect ratio), and how it is aligned inside that box. The box lies inside the image.
/// </summary>
public sealed record TextBox
{
    public TextBox(double leftPct, double topPct, double widthPct, double heightPct, HorizontalAlign horizontal, VerticalAlign vertical)
    {
        if (!IsPercent(leftPct) || !IsPercent(topPct) || !IsPercent(widthPct) || !IsPercent(heightPct))
        {
            throw new DomainException("A text box's left, top, width and height are percentages between 0 and 100.");
        }

        if (widthPct <= 0 || heightPct <= 0)
        {
            throw new DomainException("A text box has a width and a height.");
        }

        if (leftPct + widthPct > 100.0001 || topPct + heightPct > 100.0001)
        {
            throw new DomainException("A text box lies inside the image: left + width and top + height are at most 100 %.");
        }

        LeftPct = leftPct;
        TopPct = topPct;
        WidthPct = widthPct;
        HeightPct = heightPct;
        Horizontal = horizontal;
        Vertical = vertical;
    }

    public double LeftPct { get; }
    public double TopPct { get; }
    public double WidthPct { get; }
    public double HeightPct { get; }
    public HorizontalAlign Horizontal { get; }
    public VerticalAlign Vertical { get; }

    /// <summary>The box in pixels of an image of this size (rounded, at least one pixel, never outside the image).</summary>
    public (int Left, int Top, int Width, int Height) InPixels(int imageWidth, int imageHeight)
    {
        var left = Math.Clamp((int)Math.Round(imageWidth * LeftPct / 100), 0, imageWidth - 1);
        var top = Math.Clamp((int)Math.Round(imageHeight * TopPct / 100), 0, imageHeight - 1);
        var width = Math.Clamp((int)Math.Round(imageWidth * WidthPct / 100), 1, imageWidth - left);
        var height = Math.Clamp((int)Math.Round(imageHeight * HeightPct / 100), 1, imageHeight - top);
        return (left, top, width, height);
    }

    private static bool IsPercent(double value) => double.IsFinite(value) && value is >= 0 and <= 100;
}
