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
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Prize).HasMaxLength(500);
        builder.Property(c => c.Status).StoredAsLower();
        builder.HasIndex(c => new { c.TenantId, c.Status });
    }
}

internal sealed class CampaignEntryConfiguration : IEntityTypeConfiguration<CampaignEntry>
{
    public void Configure(EntityTypeBuilder<CampaignEntry> builder)
    {
        builder.ToTable("campaign_entries");
        builder.HasKey(e => e.Id);
        builder.OwnedByTenant();
        builder.Property(e => e.Email).HasMaxLength(320).IsRequired();
        builder.Property(e => e.TelegramUsername).HasMaxLength(64);
        builder.Property(e => e.SocialLinks).IsJson().IsRequired();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.CampaignId, e.Email }).IsUnique();
    }
}
