using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Infrastructure.Persistence.Configurations.Campaigns;

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
