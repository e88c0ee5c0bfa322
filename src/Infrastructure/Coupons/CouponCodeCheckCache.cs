using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Coupons;

/// <summary>
/// The partner's answer as an <c>INSERT … ON CONFLICT DO UPDATE</c> on the DbContext's connection and in its
/// transaction: EF's insert-or-update would read first, and two checks of one code at once would both insert and
/// one would fail. Only the current tenant's row is written (the tenant is a parameter from the unit of work).
/// </summary>
public sealed class CouponCodeCheckCache(AppDbContext db, ITenantContext tenant) : ICouponCodeCheckCache
{
    private const string UpsertSql =
        """
        INSERT INTO coupon_code_checks (tenant_id, code, valid, checked_at, expires_at) VALUES (@tenant, @code, @valid, @checked, @expires)
        ON CONFLICT (tenant_id, code) DO UPDATE SET valid = excluded.valid, checked_at = excluded.checked_at, expires_at = excluded.expires_at
        """;

    public async Task RecordAsync(CouponCodeCheck answer, CancellationToken cancellationToken)
    {
        if (answer.TenantId != tenant.RequiredTenantId)
        {
            throw new InvalidOperationException("A code check is recorded for the current tenant only.");
        }

        await db.Database.ExecuteSqlRawAsync(
            UpsertSql,
            [
                new NpgsqlParameter("tenant", NpgsqlDbType.Varchar) { Value = answer.TenantId },
                new NpgsqlParameter("code", NpgsqlDbType.Varchar) { Value = answer.Code },
                new NpgsqlParameter("valid", answer.Valid),
                new NpgsqlParameter("checked", WorkQueue.Microseconds(answer.CheckedAt)),
                new NpgsqlParameter("expires", WorkQueue.Microseconds(answer.ExpiresAt)),
            ],
            cancellationToken);
    }
}
