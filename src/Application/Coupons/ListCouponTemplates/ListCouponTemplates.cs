using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

/// <summary>The tenant's templates by name (a tenant has a handful: no paging).</summary>
public sealed record ListCouponTemplates : ITenantQuery<IReadOnlyList<CouponTemplateDto>>;

internal sealed class ListCouponTemplatesHandler(IAppDbContext db, ITenantContext tenant) : IQueryHandler<ListCouponTemplates, IReadOnlyList<CouponTemplateDto>>
{
    public async ValueTask<IReadOnlyList<CouponTemplateDto>> Handle(ListCouponTemplates query, CancellationToken cancellationToken)
    {
        var templates = await db.CouponTemplates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return [.. templates.Select(t => CouponTemplateDto.From(tenant.RequiredTenantId, t))];
    }
}
