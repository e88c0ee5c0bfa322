using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// What creating and changing a template share: the definition an admin sends (multipart: the JSON fields and one
/// file per size, named <c>square</c>, <c>story</c>, <c>feed</c>, and <c>logo</c>). A size given without a file keeps
/// the image it has (when changing); the files are checked and re-encoded by <see cref="ICouponImageCodec"/>.
/// </summary>
public interface ICouponTemplateFields
{
    string Name { get; }

    /// <summary>Derived from <see cref="Name"/> when null.</summary>
    string? Slug { get; }

    bool TelegramEnabled { get; }

    bool WebEnabled { get; }

    IReadOnlyList<CouponSizeInput> Sizes { get; }

    byte[]? Square { get; }

    byte[]? Story { get; }

    byte[]? Feed { get; }

    byte[]? Logo { get; }
}

/// <summary>One size as the admin sends it; missing values are field errors, not defaults (the alignment defaults to centre/middle).</summary>
public sealed record CouponSizeInput(CouponSize? Size, TextBoxInput? Box, int? MaxFontPx, string? Color, TextOutlineInput? Outline, bool ShowLogo);

/// <summary>The text box in percent of the image's width and height.</summary>
public sealed record TextBoxInput(double? LeftPct, double? TopPct, double? WidthPct, double? HeightPct, HorizontalAlign? HAlign, VerticalAlign? VAlign);

public sealed record TextOutlineInput(string? Color, int? WidthPx);

internal static class CouponTemplateFields
{
    /// <summary>The uploaded file of a size, if one came.</summary>
    public static byte[]? Upload(this ICouponTemplateFields fields, CouponSize size) => size switch
    {
        CouponSize.Square => fields.Square,
        CouponSize.Story => fields.Story,
        _ => fields.Feed,
    };

    /// <summary>The uploaded files by their form names (<c>square</c>, <c>story</c>, <c>feed</c>, <c>logo</c>).</summary>
    public static IEnumerable<(string Name, byte[] Content)> Uploads(this ICouponTemplateFields fields)
    {
        foreach (var size in CouponSizes.All)
        {
            if (fields.Upload(size) is { } content)
            {
                yield return (CouponSizes.Name(size), content);
            }
        }

        if (fields.Logo is { } logo)
        {
            yield return (CouponImages.LogoName, logo);
        }
    }
}
