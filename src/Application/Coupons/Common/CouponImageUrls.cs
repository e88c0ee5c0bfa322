using System.Globalization;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The public URL of a template image (relative to the API's origin): <c>?v=</c> names its content, so the response
/// can be cached for ever and a changed image is a new URL.
/// </summary>
public static class CouponImageUrls
{
    public static string Public(string tenantId, int templateId, CouponSize size, string sha256) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"/api/public/{Uri.EscapeDataString(tenantId)}/coupon-templates/{templateId}/{CouponSizes.Name(size)}?v={Version(sha256)}");

    /// <summary>The version token of an image: the start of its SHA-256.</summary>
    public static string Version(string sha256) => sha256.Length > 16 ? sha256[..16] : sha256;
}
