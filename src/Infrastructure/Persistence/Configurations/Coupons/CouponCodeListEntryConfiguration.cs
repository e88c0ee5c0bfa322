using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

internal sealed class CouponCodeListEntryConfiguration : IEntityTypeConfiguration<CouponCodeListEntry>
{
    public void Configure(EntityTypeBuilder<CouponCodeListEntry> builder)
    {
        builder.ToTable("coupon_codes");
        builder.HasKey(c => new { c.TenantId, c.Code });
        builder.OwnedByTenant();
        builder.Property(c => c.Code).HasMaxLength(CouponCodePattern.MaxCodeLength);
    }
}
