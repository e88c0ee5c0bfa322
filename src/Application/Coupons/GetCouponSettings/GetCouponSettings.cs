using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

/// <summary>The tenant's coupon settings, or <see cref="CouponSettingsDto.Defaults"/> when none are saved.</summary>
public sealed record GetCouponSettings : ITenantQuery<CouponSettingsDto>;

internal sealed class GetCouponSettingsHandler(IAppDbContext db) : IQueryHandler<GetCouponSettings, CouponSettingsDto>
{
    public async ValueTask<CouponSettingsDto> Handle(GetCouponSettings query, CancellationToken cancellationToken) =>
        await db.CouponSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } settings
            ? CouponSettingsDto.From(settings)
            : CouponSettingsDto.Defaults;
}
