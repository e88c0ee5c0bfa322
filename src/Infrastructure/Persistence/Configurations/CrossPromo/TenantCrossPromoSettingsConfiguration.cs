using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.CrossPromo;

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
