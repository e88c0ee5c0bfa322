using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The one way to ask <see cref="ICouponRenderer"/> for a template's image with a code on it: the admin's preview, the
/// coupon bot and the public web generator all build their request here, so the three draw the same image from the
/// same cache entry.
/// </summary>
public static class CouponRenders
{
    /// <summary>
    /// What the renderer needs to draw <paramref name="code"/> on <paramref name="variant"/> of
    /// <paramref name="template"/>: the cache key <c>{tenant}:{templateId}:{version}:{size}</c> (a new version of the
    /// template is a new key, so an edit is never drawn from a stale decoded image), loaders that read the size's image
    /// and — only when the size shows it — the template's logo from <paramref name="store"/> (the current tenant's
    /// store), the size's text style, and the code as given (normalise it first). An image missing from the store
    /// fails the render with a <see cref="CouponRenderException"/>.
    /// </summary>
    public static CouponRenderRequest Request(string tenantId, CouponTemplate template, CouponTemplateVariant variant, string code, ICouponImageStore store)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(store);
        var logo = variant.Style.ShowLogo ? template.Logo : null;
        return new CouponRenderRequest(
            CacheKey(tenantId, template, variant.Size),
            cancellationToken => LoadAsync(store, variant.Image, cancellationToken),
            logo is null ? null : cancellationToken => LoadAsync(store, logo, cancellationToken),
            variant.Style,
            code);
    }

    /// <summary><c>{tenant}:{templateId}:{version}:{size}</c>, e.g. <c>acme:12:3:story</c>.</summary>
    public static string CacheKey(string tenantId, CouponTemplate template, CouponSize size)
    {
        ArgumentNullException.ThrowIfNull(template);
        return $"{tenantId}:{template.Id}:{template.Version}:{CouponSizes.Name(size)}";
    }

    /// <summary>The file name an image is sent or downloaded as: <c>{slug}-{size}-{CODE}.png</c> (other characters of the code as <c>_</c>).</summary>
    public static string FileName(CouponTemplate template, CouponSize size, string code, string extension = "png")
    {
        ArgumentNullException.ThrowIfNull(template);
        var safe = new string([.. code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return $"{template.Slug}-{CouponSizes.Name(size)}-{safe}.{extension}";
    }

    private static async Task<byte[]> LoadAsync(ICouponImageStore store, StoredImage image, CancellationToken cancellationToken) =>
        await store.GetAsync(image.Key, cancellationToken)
        ?? throw new CouponRenderException($"The template image {image.Key} is missing from the image store.");
}
