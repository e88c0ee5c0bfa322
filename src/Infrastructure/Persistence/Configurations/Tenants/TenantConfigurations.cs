using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Persistence.Configurations.Tenants;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(ModelConventions.TenantIdLength);
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength).IsRequired();
        builder.Property(t => t.Timezone).HasMaxLength(64).HasDefaultValue(TimeZones.Utc).IsRequired();
        builder.Property(t => t.SiteOrigins).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]").IsRequired();
    }
}

internal sealed class TenantUserConfiguration : IEntityTypeConfiguration<TenantUser>
{
    public void Configure(EntityTypeBuilder<TenantUser> builder)
    {
        builder.ToTable("tenant_users");
        builder.HasKey(u => u.Id);
        builder.OwnedByTenant();
        builder.Property(u => u.ClerkUserId).HasMaxLength(128);
        builder.Property(u => u.Email).HasMaxLength(TenantUser.EmailMaxLength).IsRequired();
        builder.Property(u => u.Role).StoredAsLower();
        builder.HasIndex(u => new { u.TenantId, u.ClerkUserId }).IsUnique().HasFilter("clerk_user_id IS NOT NULL");
        builder.HasIndex(u => u.ClerkUserId);
        builder.HasIndex(u => new { u.TenantId, u.Email }).IsUnique().HasFilter("email <> ''");
        builder.HasIndex(u => u.Email).HasFilter("clerk_user_id IS NULL").HasDatabaseName("ix_tenant_users_pending_email");
    }
}

internal sealed class ClerkUserConfiguration : IEntityTypeConfiguration<ClerkUser>
{
    public void Configure(EntityTypeBuilder<ClerkUser> builder)
    {
        builder.ToTable("clerk_users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(128);
        builder.Property(u => u.Email).HasMaxLength(TenantUser.EmailMaxLength);
    }
}

internal sealed class PlatformOperatorConfiguration : IEntityTypeConfiguration<PlatformOperator>
{
    public void Configure(EntityTypeBuilder<PlatformOperator> builder)
    {
        builder.ToTable("platform_operators");
        builder.HasKey(o => o.ClerkUserId);
        builder.Property(o => o.ClerkUserId).HasMaxLength(128);
    }
}
