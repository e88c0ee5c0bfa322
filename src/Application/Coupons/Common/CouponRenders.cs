using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The one way a template size becomes a render request, for the bot, the web generator and the admin's preview
/// alike (so the admin sees what affiliates get): the decoded image is cached under the tenant, template, version
/// and size, and loaded from the image store only when it is not cached.
/// </summary>
public static class CouponRenders
{
    public static CouponRenderRequest Request(string tenantId, CouponTemplate template, CouponTemplateVariant variant, string code, ICouponImageStore store) =>
        new(
            $"{tenantId}:{template.Id}:{template.Version}:{CouponSizes.Name(variant.Size)}",
            ct => LoadAsync(store, variant.Image.Key, ct),
            variant.Style.ShowLogo && template.Logo is { } logo ? ct => LoadAsync(store, logo.Key, ct) : null,
            variant.Style,
            code);

    /// <summary>The file name an image is sent or downloaded as: <c>{slug}-{size}-{CODE}.png</c>.</summary>
    public static string FileName(CouponTemplate template, CouponSize size, string code, string extension = "png") =>
        $"{template.Slug}-{CouponSizes.Name(size)}-{new string([.. code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')])}.{extension}";

    private static async Task<byte[]> LoadAsync(ICouponImageStore store, string key, CancellationToken cancellationToken) =>
        await store.GetAsync(key, cancellationToken) ?? throw new CouponRenderException($"The stored image '{key}' is missing.");
}
