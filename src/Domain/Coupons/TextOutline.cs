using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>A stroke around the code's letters: a colour and a width in pixels of the image.</summary>
public sealed record TextOutline
{
    public const int MaxWidthPx = 40;

    public TextOutline(string color, int widthPx)
    {
        Color = HexColor.Normalise(color, "Outline colour");
        if (widthPx is < 1 or > MaxWidthPx)
        {
            throw new DomainException($"An outline is 1 to {MaxWidthPx} px wide.");
        }

        WidthPx = widthPx;
    }

    public string Color { get; }
    public int WidthPx { get; }
}
