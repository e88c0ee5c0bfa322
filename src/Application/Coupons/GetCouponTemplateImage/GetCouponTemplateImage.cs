using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// A template's image: a size (<c>square</c>, <c>story</c>, <c>feed</c>) or, signed in, its <c>logo</c>. With
/// <see cref="OfferedOnly"/> (the public route) only templates offered on Telegram or the web answer, so a draft cannot
/// be found by guessing ids. When the client already has the image (<see cref="KnownHashes"/>, its ETags; <c>*</c> for
/// any) the bytes are not read.
/// </summary>
/// <param name="V">The URL's <c>v</c>; the answer says whether it names the current image.</param>
public sealed record GetCouponTemplateImage(int TemplateId, string Image, bool OfferedOnly, string? V, IReadOnlyCollection<string> KnownHashes)
    : ITenantQuery<CouponImageFile>;

/// <param name="Png">Null when the client has it already (304).</param>
/// <param name="IsVersion">Whether the request's <c>v</c> names this image, so the answer may be cached for ever.</param>
public sealed record CouponImageFile(string Sha256, byte[]? Png, bool IsVersion);

internal sealed class GetCouponTemplateImageHandler(IAppDbContext db, ICouponImageStore store) : IQueryHandler<GetCouponTemplateImage, CouponImageFile>
{
    public async ValueTask<CouponImageFile> Handle(GetCouponTemplateImage query, CancellationToken cancellationToken)
    {
        var template = await db.CouponTemplates.AsNoTracking()
                           .Where(t => t.Id == query.TemplateId && (!query.OfferedOnly || t.TelegramEnabled || t.WebEnabled))
                           .SingleOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("Coupon template", query.TemplateId);
        var image = (query.Image == CouponImages.LogoName && !query.OfferedOnly
                        ? template.Logo
                        : CouponSizes.Parse(query.Image) is { } size && query.Image == CouponSizes.Name(size) ? template.Variant(size)?.Image : null)
                    ?? throw new NotFoundException("Coupon template image", $"{query.TemplateId}/{query.Image}");
        var isVersion = CouponImages.IsVersion(image, query.V);
        if (query.KnownHashes.Contains("*") || query.KnownHashes.Contains(image.Sha256, StringComparer.OrdinalIgnoreCase))
        {
            return new CouponImageFile(image.Sha256, null, isVersion);
        }

        var png = await store.GetAsync(image.Key, cancellationToken) ?? throw new NotFoundException("Coupon template image", $"{query.TemplateId}/{query.Image}");
        return new CouponImageFile(image.Sha256, png, isVersion);
    }
}
