using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

internal sealed class CouponRenderConfiguration : IEntityTypeConfiguration<CouponRender>
{
    public void Configure(EntityTypeBuilder<CouponRender> builder)
    {
        builder.ToTable("coupon_renders");
        builder.HasKey(r => r.Id);
        builder.OwnedByTenant();
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.ContentType).HasMaxLength(32);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.TenantId, r.ChatId, r.CreatedAt });
    }
}
