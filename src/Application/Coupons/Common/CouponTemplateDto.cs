using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// A template as the admin app shows it: its sizes with their text styles and images, and its logo. Images are
/// described by size, hash and URL; their storage keys are not part of the API.
/// </summary>
public sealed record CouponTemplateDto(
    int Id, string Name, string Slug, bool TelegramEnabled, bool WebEnabled, int Version, IReadOnlyList<CouponTemplateSizeDto> Sizes,
    CouponImageDto? Logo, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CouponTemplateDto From(string tenantId, CouponTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new CouponTemplateDto(
            template.Id, template.Name, template.Slug, template.TelegramEnabled, template.WebEnabled, template.Version,
            [.. template.Variants.Select(v => CouponTemplateSizeDto.From(tenantId, template.Id, v))],
            template.Logo is { } logo ? new CouponImageDto(logo.Width, logo.Height, logo.Sha256, null, CouponImages.AdminUrl(template.Id, CouponImages.LogoName, logo)) : null,
            template.CreatedAt, template.UpdatedAt);
    }
}

/// <summary>One size of a template: where and how the code is drawn, and its image.</summary>
public sealed record CouponTemplateSizeDto(
    CouponSize Size, string Label, TextBoxDto Box, int MaxFontPx, string Color, TextOutlineDto? Outline, bool ShowLogo, CouponImageDto Image)
{
    public static CouponTemplateSizeDto From(string tenantId, int templateId, CouponTemplateVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var (style, box, image) = (variant.Style, variant.Style.Box, variant.Image);
        return new CouponTemplateSizeDto(
            variant.Size, CouponSizes.Label(variant.Size),
            new TextBoxDto(box.LeftPct, box.TopPct, box.WidthPct, box.HeightPct, box.Horizontal, box.Vertical),
            style.MaxFontPx, style.Color, style.Outline is { } outline ? new TextOutlineDto(outline.Color, outline.WidthPx) : null, style.ShowLogo,
            new CouponImageDto(
                image.Width, image.Height, image.Sha256, CouponImages.PublicUrl(tenantId, templateId, variant.Size, image),
                CouponImages.AdminUrl(templateId, CouponSizes.Name(variant.Size), image)));
    }
}

/// <summary>The text box in percent of the image, and the alignment inside it.</summary>
public sealed record TextBoxDto(double LeftPct, double TopPct, double WidthPct, double HeightPct, HorizontalAlign HAlign, VerticalAlign VAlign);

public sealed record TextOutlineDto(string Color, int WidthPx);

/// <param name="Sha256">The PNG's hash: its ETag, and what the <c>v</c> of its URLs starts with.</param>
/// <param name="Url">The public URL (sizes only); it answers only while the template is offered on Telegram or the web.</param>
/// <param name="AdminUrl">The signed-in URL, for any template (drafts too).</param>
public sealed record CouponImageDto(int Width, int Height, string Sha256, string? Url, string AdminUrl);
