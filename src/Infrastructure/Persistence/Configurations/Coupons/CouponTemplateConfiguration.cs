using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Persistence.Configurations.Coupons;

internal sealed class CouponTemplateConfiguration : IEntityTypeConfiguration<CouponTemplate>
{
    public void Configure(EntityTypeBuilder<CouponTemplate> builder)
    {
        builder.ToTable("coupon_templates");
        builder.HasKey(t => t.Id);
        builder.OwnedByTenant();
        builder.Property(t => t.Name).HasMaxLength(CouponTemplate.NameMaxLength);
        builder.Property(t => t.Slug).HasMaxLength(CouponTemplateSlug.MaxLength);
        builder.HasIndex(t => new { t.TenantId, t.Slug }).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Variants).HasField("_variants").UsePropertyAccessMode(PropertyAccessMode.Property)
            .HasConversion(CouponJsonColumns.Variants, CouponJsonColumns.VariantsComparer).HasColumnType("jsonb");
        builder.Property(t => t.Logo).HasConversion(CouponJsonColumns.Image).HasColumnType("jsonb");
    }
}
