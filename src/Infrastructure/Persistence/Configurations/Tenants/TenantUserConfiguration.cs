using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Persistence.Configurations.Tenants;

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
