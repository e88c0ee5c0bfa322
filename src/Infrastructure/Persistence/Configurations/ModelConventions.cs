using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations;

internal static class ModelConventions
{
    public const int TenantIdLength = 64;
    public const int StatusLength = 32;
    public const int PricePrecision = 18;
    public const int PriceScale = 6;

    /// <summary>The <c>tenant_id</c> column of a tenant-owned table, with its foreign key to <c>tenants</c>.</summary>
    public static EntityTypeBuilder<T> OwnedByTenant<T>(this EntityTypeBuilder<T> builder) where T : class, ITenantOwned
    {
        builder.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(TenantIdLength).IsRequired();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        return builder;
    }

    /// <summary>
    /// The claim columns every queue table shares, and the indexes of the claim mechanism: the queue's claim order over
    /// its unfinished rows only, so a claim stops after the rows it takes instead of sorting the backlog; and the leases
    /// held right now, so the expiry of dead workers' leases that precedes each claim reads a handful of rows instead of
    /// scanning the table (100 ms per claim over 300,000 rows, which capped the inbox at ~170 updates/s).
    /// </summary>
    public static EntityTypeBuilder<T> IsWorkQueue<T>(this EntityTypeBuilder<T> builder, QueueDefinition queue) where T : WorkItem, ITenantOwned
    {
        builder.Property(e => e.Attempts).HasColumnName("attempts").HasDefaultValue(0);
        builder.Property(e => e.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(e => e.LockedUntil).HasColumnName("locked_until");
        builder.Property(e => e.LastError).HasColumnName("last_error");
        builder.Property(e => e.DedupeKey).HasColumnName("dedupe_key").HasMaxLength(WorkItem.DedupeKeyMaxLength);
        builder.HasIndex(e => new { e.TenantId, e.DedupeKey }).IsUnique();
        var unfinished = queue.Pending == queue.Claimed ? $"'{queue.Pending}'" : $"'{queue.Pending}', '{queue.Claimed}'";
        builder.HasIndex([.. queue.ClaimOrder.Select(PropertyName)])
            .HasFilter($"status IN ({unfinished})")
            .HasDatabaseName($"ix_{queue.Table}_claim");
        builder.HasIndex(e => e.LockedUntil).HasFilter("locked_until IS NOT NULL").HasDatabaseName($"ix_{queue.Table}_leases");
        if (queue.FairBetweenTenants)
        {
            // The fair claim's loose scan of the tenants with unfinished items, and each one's items in claim order.
            builder.HasIndex([nameof(ITenantOwned.TenantId), .. queue.ClaimOrder.Select(PropertyName)])
                .HasFilter($"status IN ({unfinished})")
                .HasDatabaseName($"ix_{queue.Table}_fair_claim");
        }

        return builder;
    }

    private static string PropertyName(string column) =>
        string.Concat(column.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    public static PropertyBuilder<TEnum> StoredAsLower<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(EnumNames<TEnum>.LowerConverter()).HasMaxLength(StatusLength);

    public static PropertyBuilder<TEnum> StoredAsUpper<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(EnumNames<TEnum>.UpperConverter()).HasMaxLength(StatusLength);

    public static PropertyBuilder<decimal> IsPrice(this PropertyBuilder<decimal> property) =>
        property.HasPrecision(PricePrecision, PriceScale);

    public static PropertyBuilder<decimal?> IsPrice(this PropertyBuilder<decimal?> property) =>
        property.HasPrecision(PricePrecision, PriceScale);

    public static PropertyBuilder<string> IsJson(this PropertyBuilder<string> property) => property.HasColumnType("jsonb");
}
