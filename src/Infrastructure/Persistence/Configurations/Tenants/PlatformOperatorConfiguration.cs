using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Persistence.Configurations.Tenants;

internal sealed class PlatformOperatorConfiguration : IEntityTypeConfiguration<PlatformOperator>
{
    public void Configure(EntityTypeBuilder<PlatformOperator> builder)
    {
        builder.ToTable("platform_operators");
        builder.HasKey(o => o.ClerkUserId);
        builder.Property(o => o.ClerkUserId).HasMaxLength(128);
    }
}
