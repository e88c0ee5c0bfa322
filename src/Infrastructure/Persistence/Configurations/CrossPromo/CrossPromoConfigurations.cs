using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.CrossPromo;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.CrossPromo;

internal sealed class TenantCrossPromoSettingsConfiguration : IEntityTypeConfiguration<TenantCrossPromoSettings>
{
    public void Configure(EntityTypeBuilder<TenantCrossPromoSettings> builder)
    {
        builder.ToTable("tenant_crosspromo_settings");
        builder.HasKey(s => s.TenantId);
        builder.OwnedByTenant();
        builder.Property(s => s.BotRole).HasMaxLength(ModelConventions.StatusLength).IsRequired();
        builder.Property(s => s.VipChannelId).HasMaxLength(64);
        builder.Property(s => s.FreeChannelId).HasMaxLength(64);
        builder.Property(s => s.CtaUrl).HasMaxLength(2048);
        builder.Property(s => s.Timezone).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Weekdays).HasMaxLength(64).IsRequired();
    }
}

internal sealed class CrossPromoJobConfiguration : IEntityTypeConfiguration<CrossPromoJob>
{
    public void Configure(EntityTypeBuilder<CrossPromoJob> builder)
    {
        builder.ToTable("crosspromo_jobs");
        builder.HasKey(j => j.Id);
        builder.OwnedByTenant();
        builder.Property(j => j.JobType).HasMaxLength(50).IsRequired();
        builder.Property(j => j.Payload).IsJson().IsRequired();
        builder.Property(j => j.Status).StoredAsLower();
        builder.IsWorkQueue(Queues.CrossPromoJobs);
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt });
    }
}
