namespace PromoStack.Domain.Coupons;

/// <summary>
/// The fitting rule: the largest whole font size up to the maximum whose text fits the box's width and height.
/// When even the minimum does not fit, the text is drawn at the minimum and clipped to the box.
/// </summary>
public static class TextFit
{
    public const float DefaultMinimumPx = 12;

    /// <param name="measure">The text's width and height (ink bounds) at a font size.</param>
    public static FittedText Largest(Func<float, (float Width, float Height)> measure, float boxWidth, float boxHeight, float maximumPx, float minimumPx = DefaultMinimumPx)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var floor = Math.Max(1, (int)Math.Floor(minimumPx));
        var ceiling = Math.Max(floor, (int)Math.Floor(Math.Min(maximumPx, boxHeight)));
        bool Fits(int size)
        {
            var (width, height) = measure(size);
            return width <= boxWidth && height <= boxHeight;
        }

        if (!Fits(floor))
        {
            return new FittedText(floor, Clipped: true);
        }

        // Text size grows with the font size, so the sizes that fit are a prefix: binary search its end.
        int low = floor, high = ceiling;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (Fits(middle))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return new FittedText(low, Clipped: false);
    }
}

/// <summary>The font size chosen, and whether the text overflows the box at it (so must be clipped).</summary>
public readonly record struct FittedText(int SizePx, bool Clipped);
