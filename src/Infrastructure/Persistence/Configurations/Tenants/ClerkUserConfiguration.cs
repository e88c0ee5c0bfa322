using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Persistence.Configurations.Tenants;

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
