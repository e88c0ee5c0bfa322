using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Stripe;

namespace PromoStack.Infrastructure.Persistence.Configurations.Stripe;

internal sealed class TenantStripeProductConfiguration : IEntityTypeConfiguration<TenantStripeProduct>
{
    public void Configure(EntityTypeBuilder<TenantStripeProduct> builder)
    {
        builder.ToTable("tenant_stripe_products");
        builder.HasKey(p => p.Id);
        builder.OwnedByTenant();
        builder.Property(p => p.StripeProductId).HasMaxLength(255).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(500).IsRequired();
        builder.HasIndex(p => new { p.TenantId, p.StripeProductId }).IsUnique();
    }
}
