using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Stripe;

namespace PromoStack.Infrastructure.Persistence.Configurations.Stripe;

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
