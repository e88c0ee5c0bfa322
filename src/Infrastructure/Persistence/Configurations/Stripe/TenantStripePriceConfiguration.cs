using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Stripe;

namespace PromoStack.Infrastructure.Persistence.Configurations.Stripe;

internal sealed class TenantStripePriceConfiguration : IEntityTypeConfiguration<TenantStripePrice>
{
    public void Configure(EntityTypeBuilder<TenantStripePrice> builder)
    {
        builder.ToTable("tenant_stripe_prices");
        builder.HasKey(p => p.Id);
        builder.OwnedByTenant();
        builder.Property(p => p.StripePriceId).HasMaxLength(255).IsRequired();
        builder.Property(p => p.StripeProductId).HasMaxLength(255).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.RecurringInterval).HasMaxLength(16);
        builder.Property(p => p.Nickname).HasMaxLength(255);
        builder.HasIndex(p => new { p.TenantId, p.StripePriceId }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.StripeProductId });
    }
}
