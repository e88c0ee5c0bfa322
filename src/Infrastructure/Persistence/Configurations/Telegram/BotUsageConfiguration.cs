using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Coupons;
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
        builder.Property(u => u.DeviceType).HasMaxLength(20).HasDefaultValue("unknown");
        builder.ToTable(t => t.HasCheckConstraint("ck_bot_usage_device_type", "device_type IN ('unknown', 'mobile', 'desktop', 'tablet')"));
        builder.Property(u => u.Size).HasConversion(EnumNames<CouponSize>.LowerConverter()).HasMaxLength(16);
        builder.Property(u => u.Source).StoredAsLower();
        builder.Property(u => u.WebClient).HasMaxLength(64);
        builder.HasIndex(u => new { u.TenantId, u.CreatedAt });
        builder.HasIndex(u => new { u.TenantId, u.ChatId, u.CreatedAt });
        builder.HasIndex(u => new { u.TenantId, u.ErrorType, u.CreatedAt });
    }
}
