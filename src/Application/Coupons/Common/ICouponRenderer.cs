using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Draws a code on a template image: the image (and the logo, if the style shows one) loaded through the request's
/// loaders only when the decoded image is not cached yet (the cache key names the template version and size).
/// Renders run a few at a time; more wait their turn. A failure is a <see cref="CouponRenderException"/>.
/// </summary>
public interface ICouponRenderer
{
    /// <summary>The image at its full size as PNG (lossless).</summary>
    Task<byte[]> RenderPngAsync(CouponRenderRequest request, CancellationToken cancellationToken);

    /// <summary>A small JPEG (longest side <paramref name="maxSide"/> px) for previews in chats and lists.</summary>
    Task<byte[]> RenderPreviewJpegAsync(CouponRenderRequest request, int maxSide, CancellationToken cancellationToken);
}

/// <summary>
/// What to draw: the cached image's key, loaders for the image and the logo, the style and the code. The cached
/// background includes the logo when the style shows one, so the key must change whenever the image or the logo does.
/// </summary>
public sealed record CouponRenderRequest(
    string CacheKey, Func<CancellationToken, Task<byte[]>> LoadImage, Func<CancellationToken, Task<byte[]>>? LoadLogo, CouponTextStyle Style, string Code);

/// <summary>A render failed (an unreadable stored image, a loader error): the bot records <c>render_failed</c>.</summary>
public sealed class CouponRenderException(string message, Exception? inner = null) : Exception(message, inner);
