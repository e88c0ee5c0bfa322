namespace PromoStack.Domain.Coupons;

/// <summary>
/// One size of a template: its stored image (key in the image store, pixel size, content hash used as the ETag) and
/// how the code is drawn on it.
/// </summary>
public sealed record CouponTemplateVariant(CouponSize Size, StoredImage Image, CouponTextStyle Style);

/// <summary>An image in the image store: its key, pixel size and SHA-256 (hex), which is also its ETag.</summary>
public sealed record StoredImage(string Key, int Width, int Height, string Sha256);
