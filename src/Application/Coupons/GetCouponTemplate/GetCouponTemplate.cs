using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

public sealed record GetCouponTemplate(int Id) : ITenantQuery<CouponTemplateDto>;

internal sealed class GetCouponTemplateHandler(IAppDbContext db, ITenantContext tenant) : IQueryHandler<GetCouponTemplate, CouponTemplateDto>
{
    public async ValueTask<CouponTemplateDto> Handle(GetCouponTemplate query, CancellationToken cancellationToken) =>
        CouponTemplateDto.From(
            tenant.RequiredTenantId,
            await db.CouponTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Coupon template", query.Id));
}
