using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

/// <summary>The uploaded code list at a glance: how many codes, when it was uploaded, and the first few.</summary>
public sealed record GetCouponCodes : ITenantQuery<CouponCodeListDto>;

/// <param name="UpdatedAt">When the current list was uploaded; null when there is none.</param>
/// <param name="Samples">The first <see cref="SampleCount"/> codes in order, to recognise the list.</param>
public sealed record CouponCodeListDto(int Count, DateTimeOffset? UpdatedAt, IReadOnlyList<string> Samples)
{
    public const int SampleCount = 5;
}

internal sealed class GetCouponCodesHandler(IAppDbContext db) : IQueryHandler<GetCouponCodes, CouponCodeListDto>
{
    public async ValueTask<CouponCodeListDto> Handle(GetCouponCodes query, CancellationToken cancellationToken)
    {
        var count = await db.CouponCodes.CountAsync(cancellationToken);
        var updatedAt = count == 0 ? (DateTimeOffset?)null : await db.CouponCodes.MaxAsync(c => c.CreatedAt, cancellationToken);
        var samples = await db.CouponCodes.OrderBy(c => c.Code).Take(CouponCodeListDto.SampleCount).Select(c => c.Code).ToListAsync(cancellationToken);
        return new CouponCodeListDto(count, updatedAt, samples);
    }
}
