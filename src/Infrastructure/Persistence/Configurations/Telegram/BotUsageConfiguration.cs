using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class BotUsageConfiguration : IEntityTypeConfiguration<BotUsage>
{
    public void Configure(EntityTypeBuilder<BotUsage> builder)
    {
        builder.ToTable("bot_usage");
        builder.HasKey(u => u.Id);
        builder.OwnedByTenant();
        builder.Property(u => u.TemplateSlug).HasMaxLength(100);
        builder.Property(u => u.CouponCode).HasMaxLength(64);
        builder.Property(u => u.ErrorType).HasMaxLength(64);
        builder.Property(u => u.DeviceType).HasMaxLength(16);
        builder.HasIndex(u => new { u.TenantId, u.CreatedAt });
    }
}
