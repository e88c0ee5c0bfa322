using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class BotConfigConfiguration : IEntityTypeConfiguration<BotConfig>
{
    public void Configure(EntityTypeBuilder<BotConfig> builder)
    {
        builder.ToTable("bot_config");
        builder.HasKey(c => c.Id);
        builder.OwnedByTenant();
        builder.Property(c => c.SettingKey).HasMaxLength(100).IsRequired();
        builder.Property(c => c.SettingValue).IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.SettingKey }).IsUnique();
    }
}
