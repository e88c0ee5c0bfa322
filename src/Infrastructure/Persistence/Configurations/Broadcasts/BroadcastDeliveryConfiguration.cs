using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Broadcasts;

namespace PromoStack.Infrastructure.Persistence.Configurations.Broadcasts;

internal sealed class BroadcastDeliveryConfiguration : IEntityTypeConfiguration<BroadcastDelivery>
{
    public void Configure(EntityTypeBuilder<BroadcastDelivery> builder)
    {
        builder.ToTable("broadcast_deliveries");
        builder.HasKey(d => new { d.BroadcastId, d.ChatId });
        builder.OwnedByTenant();
        builder.Property(d => d.Status).StoredAsLower();
        builder.HasOne<BroadcastJob>().WithMany().HasForeignKey(d => d.BroadcastId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.TenantId, d.BroadcastId, d.Status });
    }
}
