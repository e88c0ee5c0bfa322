using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;
using PromoStack.Domain.Tenants;

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

    /// <summary>The claim columns every queue table shares, and the indexes the shared claim query uses.</summary>
    public static EntityTypeBuilder<T> IsWorkQueue<T>(this EntityTypeBuilder<T> builder) where T : WorkItem, ITenantOwned
    {
        builder.Property(e => e.Attempts).HasColumnName("attempts").HasDefaultValue(0);
        builder.Property(e => e.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(e => e.LockedUntil).HasColumnName("locked_until");
        builder.Property(e => e.LastError).HasColumnName("last_error");
        builder.Property(e => e.DedupeKey).HasColumnName("dedupe_key").HasMaxLength(WorkItem.DedupeKeyMaxLength);
        builder.HasIndex(e => new { e.TenantId, e.DedupeKey }).IsUnique();
        builder.HasIndex("Status", nameof(WorkItem.NextAttemptAt));
        return builder;
    }

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
