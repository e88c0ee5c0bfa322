using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

internal sealed class CouponImageBlobConfiguration : IEntityTypeConfiguration<CouponImageBlob>
{
    public void Configure(EntityTypeBuilder<CouponImageBlob> builder)
    {
        builder.ToTable("coupon_images");
        builder.HasKey(i => new { i.TenantId, i.Key });
        builder.OwnedByTenant();
        builder.Property(i => i.Key).HasMaxLength(200);
        builder.Property(i => i.ContentType).HasMaxLength(64);
    }
}
