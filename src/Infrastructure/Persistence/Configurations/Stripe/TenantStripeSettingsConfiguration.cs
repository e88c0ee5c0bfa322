using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Stripe;

namespace PromoStack.Infrastructure.Persistence.Configurations.Stripe;

internal sealed class TenantStripeSettingsConfiguration : IEntityTypeConfiguration<TenantStripeSettings>
{
    public void Configure(EntityTypeBuilder<TenantStripeSettings> builder)
    {
        builder.ToTable("tenant_stripe_settings");
        builder.HasKey(s => s.TenantId);
        builder.OwnedByTenant();
        builder.Property(s => s.StripeAccountId).HasMaxLength(255);
        builder.Property(s => s.VipProductId).HasMaxLength(255);
        builder.Property(s => s.VipPriceId).HasMaxLength(255);
        builder.Property(s => s.AnnualPriceId).HasMaxLength(255);
        builder.Property(s => s.LifetimePriceId).HasMaxLength(255);
    }
}
