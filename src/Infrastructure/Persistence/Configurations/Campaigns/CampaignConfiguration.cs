using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Infrastructure.Persistence.Configurations.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Id);
        builder.OwnedByTenant();
        builder.Property(c => c.IsDemo).HasDefaultValue(false);
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Prize).HasMaxLength(500);
        builder.Property(c => c.Status).StoredAsLower();
        builder.HasIndex(c => new { c.TenantId, c.Status });
    }
}
