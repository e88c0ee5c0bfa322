using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Coupons;

/// <summary>
/// An uploaded code list in one <c>INSERT … SELECT … FROM unnest(@codes)</c> on the DbContext's connection and in its
/// transaction, for the current tenant only (the tenant is a parameter from the unit of work, never text).
/// </summary>
public sealed class CouponCodeBulkInsert(AppDbContext db, ITenantContext tenant) : ICouponCodeBulkInsert
{
    private const string InsertSql =
        "INSERT INTO coupon_codes (tenant_id, code, created_at) SELECT @tenant, code, @now FROM unnest(@codes) AS code";

    public async Task InsertAsync(IReadOnlyCollection<string> codes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A code list is replaced in one transaction; insert inside a command.");
        }

        await db.Database.ExecuteSqlRawAsync(
            InsertSql,
            [
                new NpgsqlParameter("tenant", NpgsqlDbType.Varchar) { Value = tenant.RequiredTenantId },
                new NpgsqlParameter("now", WorkQueue.Microseconds(now)),
                new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = codes.ToArray() },
            ],
            cancellationToken);
    }
}
