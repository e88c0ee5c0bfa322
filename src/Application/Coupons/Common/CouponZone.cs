using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Coupons;

/// <summary>The tenant's time zone: its IANA id (what PostgreSQL's <c>AT TIME ZONE</c> takes) and the zone itself.</summary>
internal sealed record CouponZone(string Id, TimeZoneInfo Zone)
{
    public static async Task<CouponZone> LoadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var id = await db.Tenants.Select(t => t.Timezone).SingleAsync(cancellationToken);
        return new CouponZone(id, TimeZones.Find(id));
    }
}
