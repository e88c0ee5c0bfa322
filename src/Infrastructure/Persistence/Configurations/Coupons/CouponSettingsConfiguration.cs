using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

internal sealed class CouponSettingsConfiguration : IEntityTypeConfiguration<CouponSettings>
{
    public void Configure(EntityTypeBuilder<CouponSettings> builder)
    {
        builder.ToTable("coupon_settings");
        builder.HasKey(s => s.TenantId);
        builder.OwnedByTenant();
        builder.Property(s => s.Validation).StoredAsLower();
        builder.Property(s => s.CodePattern).HasMaxLength(CouponCodePattern.MaxLength);
        builder.Property(s => s.Partner).HasConversion(CouponJsonColumns.Partner).HasColumnType("jsonb");
        builder.Property(s => s.LinkTemplate).HasMaxLength(CouponSettings.LinkTemplateMaxLength);
    }
}
