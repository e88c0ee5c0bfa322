using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Coupons.Storage;

/// <summary>
/// Template images in the <c>coupon_images</c> table, the default store. A put is its own statement on its own
/// connection, committed at once and outside the caller's transaction and change tracker, as a bucket would be: the
/// image exists before any row naming it commits, and the caller's pending changes are not saved with it (a put under
/// a key already taken replaces the image; keys name their content, so that is the same image). Reads and deletes go
/// through the tenant-filtered set; a delete joins the caller's transaction, so an image whose reference stays (the
/// transaction rolls back) stays too.
/// </summary>
public sealed class PostgresCouponImageStore(NpgsqlDataSource database, AppDbContext db, ITenantContext tenant, TimeProvider clock) : ICouponImageStore
{
    private const string TenantSql = "SELECT set_config('" + DatabaseRoles.TenantSetting + "', $1, true)";

    private const string PutSql =
        """
        INSERT INTO coupon_images (tenant_id, key, content_type, content, created_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (tenant_id, key) DO UPDATE SET content_type = excluded.content_type, content = excluded.content
        """;

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var image = CouponImageBlob.Of(tenant.RequiredTenantId, CouponImageKey.Checked(key), contentType, content, WorkQueue.Microseconds(clock.GetUtcNow()));
        // One implicit transaction: the tenant is named to row-level security for the insert only.
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TenantSql) { Parameters = { new NpgsqlParameter<string> { TypedValue = image.TenantId } } });
        var command = new NpgsqlBatchCommand(PutSql);
        batch.BatchCommands.Add(command);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = image.TenantId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = image.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = image.ContentType });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = image.Content });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = image.CreatedAt });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        CouponImageKey.Checked(key);
        return await db.CouponImages.AsNoTracking()
            .Where(i => i.Key == key)
            .Select(i => i.Content)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
