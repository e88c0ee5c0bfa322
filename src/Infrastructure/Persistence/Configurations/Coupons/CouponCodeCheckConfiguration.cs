using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

internal sealed class CouponCodeCheckConfiguration : IEntityTypeConfiguration<CouponCodeCheck>
{
    public void Configure(EntityTypeBuilder<CouponCodeCheck> builder)
    {
        builder.ToTable("coupon_code_checks");
        builder.HasKey(c => new { c.TenantId, c.Code });
        builder.OwnedByTenant();
        builder.Property(c => c.Code).HasMaxLength(CouponCodePattern.MaxCodeLength);
    }
}
