using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>How the code is drawn on one size of a template: its box, largest font size, colour, outline and logo.</summary>
public sealed record CouponTextStyle
{
    public const int MinFontPx = 8;
    public const int MaxFontPxLimit = 400;

    public CouponTextStyle(TextBox box, int maxFontPx, string color, TextOutline? outline, bool showLogo)
    {
        Box = box ?? throw new DomainException("A size needs its text box.");
        if (maxFontPx is < MinFontPx or > MaxFontPxLimit)
        {
            throw new DomainException($"The maximum font size is {MinFontPx} to {MaxFontPxLimit} px.");
        }

        MaxFontPx = maxFontPx;
        Color = HexColor.Normalise(color, "Colour");
        Outline = outline;
        ShowLogo = showLogo;
    }

    public TextBox Box { get; }
    public int MaxFontPx { get; }
    public string Color { get; }
    public TextOutline? Outline { get; }
    public bool ShowLogo { get; }
}
