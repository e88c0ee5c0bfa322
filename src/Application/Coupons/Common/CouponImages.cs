using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Where template images are kept and found: a key named after the PNG's content (<c>templates/{sha256}.png</c>), so a
/// key is written once and never changes meaning, and URLs (root-relative to this API) that carry a prefix of the
/// hash, so a browser or CDN may cache each one for ever and a new image is a new URL.
/// </summary>
public static class CouponImages
{
    /// <summary>The logo's name in the admin image route (beside the size names).</summary>
    public const string LogoName = "logo";

    /// <summary>How many hex digits of the hash a URL's <c>v</c> carries.</summary>
    public const int VersionLength = 16;

    /// <summary>The store key of a normalised PNG, named after its SHA-256 (hex).</summary>
    public static string Key(string sha256) => $"templates/{sha256}.png";

    /// <summary>The public route of a size's image: <c>/api/public/{tenant}/coupon-templates/{id}/{size}?v={hash prefix}</c>.</summary>
    public static string PublicUrl(string tenantId, int templateId, CouponSize size, StoredImage image) =>
        $"/api/public/{Uri.EscapeDataString(tenantId)}/coupon-templates/{templateId}/{CouponSizes.Name(size)}?v={Version(image)}";

    /// <summary>The signed-in route of any image of a template (a size or <see cref="LogoName"/>), drafts included.</summary>
    public static string AdminUrl(int templateId, string name, StoredImage image) =>
        $"/api/coupons/templates/{templateId}/images/{name}?v={Version(image)}";

    /// <summary>The <c>v</c> of the image's URLs: the first <see cref="VersionLength"/> hex digits of its hash.</summary>
    public static string Version(StoredImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Sha256[..Math.Min(VersionLength, image.Sha256.Length)];
    }

    /// <summary>Whether a URL's <c>v</c> names this image (at least 8 leading hex digits of its hash).</summary>
    public static bool IsVersion(StoredImage image, string? v)
    {
        ArgumentNullException.ThrowIfNull(image);
        return v is { Length: >= 8 } && image.Sha256.StartsWith(v, StringComparison.OrdinalIgnoreCase);
    }
}
