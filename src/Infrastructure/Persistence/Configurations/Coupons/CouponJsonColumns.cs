using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

/// <summary>
/// The coupon values stored as <c>jsonb</c> (a template's sizes, its logo, the partner API): written through
/// persistence shapes of their own, so renaming a Domain property never silently changes stored JSON, and read back
/// through the Domain constructors, so a stored value is validated like a new one.
/// </summary>
internal static class CouponJsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ValueConverter<IReadOnlyList<CouponTemplateVariant>, string> Variants { get; } = new(
        variants => JsonSerializer.Serialize(variants.Select(VariantRow.From).ToList(), Options),
        json => JsonSerializer.Deserialize<List<VariantRow>>(json, Options)!.Select(row => row.ToVariant()).ToList());

    public static ValueComparer<IReadOnlyList<CouponTemplateVariant>> VariantsComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        variants => variants.Aggregate(0, (hash, v) => HashCode.Combine(hash, v)),
        variants => variants.ToList());

    public static ValueConverter<StoredImage?, string> Image { get; } = new(
        image => JsonSerializer.Serialize(ImageRow.From(image!), Options),
        json => JsonSerializer.Deserialize<ImageRow>(json, Options)!.ToImage());

    public static ValueConverter<PartnerApi?, string> Partner { get; } = new(
        api => JsonSerializer.Serialize(PartnerRow.From(api!), Options),
        json => JsonSerializer.Deserialize<PartnerRow>(json, Options)!.ToApi());

    private sealed record ImageRow(string Key, int Width, int Height, string Sha256)
    {
        public static ImageRow From(StoredImage image) => new(image.Key, image.Width, image.Height, image.Sha256);

        public StoredImage ToImage() => new(Key, Width, Height, Sha256);
    }

    private sealed record VariantRow(
        string Size, ImageRow Image, double LeftPct, double TopPct, double WidthPct, double HeightPct, string HAlign, string VAlign,
        int MaxFontPx, string Color, string? OutlineColor, int? OutlineWidthPx, bool ShowLogo)
    {
        public static VariantRow From(CouponTemplateVariant variant)
        {
            var style = variant.Style;
            return new VariantRow(
                CouponSizes.Name(variant.Size), ImageRow.From(variant.Image), style.Box.LeftPct, style.Box.TopPct, style.Box.WidthPct, style.Box.HeightPct,
                EnumNames<HorizontalAlign>.Lower(style.Box.Horizontal), EnumNames<VerticalAlign>.Lower(style.Box.Vertical), style.MaxFontPx, style.Color,
                style.Outline?.Color, style.Outline?.WidthPx, style.ShowLogo);
        }

        public CouponTemplateVariant ToVariant() => new(
            CouponSizes.Parse(Size) ?? throw new FormatException($"'{Size}' is not a coupon size."),
            Image.ToImage(),
            new CouponTextStyle(
                new TextBox(LeftPct, TopPct, WidthPct, HeightPct, EnumNames<HorizontalAlign>.Parse(HAlign), EnumNames<VerticalAlign>.Parse(VAlign)),
                MaxFontPx, Color, OutlineColor is null || OutlineWidthPx is null ? null : new TextOutline(OutlineColor, OutlineWidthPx.Value), ShowLogo));
    }

    private sealed record PartnerRow(
        string UrlTemplate, string? HeaderName, string? EncryptedHeaderValue, string? HeaderValueHint, int[] ValidStatuses, int[] InvalidStatuses,
        int TimeoutMs, int Attempts)
    {
        public static PartnerRow From(PartnerApi api) => new(
            api.UrlTemplate, api.HeaderName, api.EncryptedHeaderValue, api.HeaderValueHint, [.. api.ValidStatuses], [.. api.InvalidStatuses], api.TimeoutMs,
            api.Attempts);

        public PartnerApi ToApi() => new(UrlTemplate, HeaderName, EncryptedHeaderValue, HeaderValueHint, ValidStatuses, InvalidStatuses, TimeoutMs, Attempts);
    }
}
