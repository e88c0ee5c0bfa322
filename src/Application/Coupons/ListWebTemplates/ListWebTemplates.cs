using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>The tenant's templates offered on the web generator (an unknown tenant is a 404), with each size's image URL (public, cacheable).</summary>
public sealed record ListWebTemplates : ITenantQuery<IReadOnlyList<WebTemplateDto>>;

/// <summary>A template as the public web generator shows it.</summary>
public sealed record WebTemplateDto(string Slug, string Name, IReadOnlyList<WebTemplateSizeDto> Sizes);

/// <summary>One size: its name, label, pixel size and the template image's URL.</summary>
public sealed record WebTemplateSizeDto(string Size, string Label, int Width, int Height, string ImageUrl);

internal sealed class ListWebTemplatesHandler(IAppDbContext db, ITenantContext tenant) : IQueryHandler<ListWebTemplates, IReadOnlyList<WebTemplateDto>>
{
    public async ValueTask<IReadOnlyList<WebTemplateDto>> Handle(ListWebTemplates query, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant.RequiredTenantId, cancellationToken))
        {
            throw new NotFoundException("Tenant", tenant.RequiredTenantId);
        }

        var templates = await db.CouponTemplates.AsNoTracking().Where(t => t.WebEnabled).OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return
        [
            .. templates.Select(t => new WebTemplateDto(
                t.Slug, t.Name,
                [.. t.Variants.Select(v => new WebTemplateSizeDto(
                    CouponSizes.Name(v.Size), CouponSizes.Label(v.Size), v.Image.Width, v.Image.Height,
                    CouponImages.PublicUrl(tenant.RequiredTenantId, t.Id, v.Size, v.Image)))])),
        ];
    }
}
