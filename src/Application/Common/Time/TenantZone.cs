using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Common.Time;

/// <summary>The tenant's time zone (what its days, "today" and its figures' days mean): its IANA id (what PostgreSQL's <c>AT TIME ZONE</c> takes) and the zone itself.</summary>
internal sealed record TenantZone(string Id, TimeZoneInfo Zone)
{
    public static async Task<TenantZone> LoadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var id = await db.Tenants.Select(t => t.Timezone).SingleAsync(cancellationToken);
        return new TenantZone(id, TimeZones.Find(id));
    }
}
