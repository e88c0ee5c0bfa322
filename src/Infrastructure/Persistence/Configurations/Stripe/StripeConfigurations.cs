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

internal sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> builder)
    {
        builder.ToTable("processed_webhook_events");
        builder.HasKey(e => new { e.TenantId, e.EventId });
        builder.Property(e => e.EventId).HasMaxLength(255);
        builder.OwnedByTenant();
        builder.Property(e => e.EventType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Outcome).StoredAsLower();
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.HasIndex(e => e.ProcessedAt);
        builder.HasIndex(e => new { e.TenantId, e.ProcessedAt });
    }
}
