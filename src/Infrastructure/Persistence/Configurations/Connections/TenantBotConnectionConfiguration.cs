using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Connections;

namespace PromoStack.Infrastructure.Persistence.Configurations.Connections;

internal sealed class TenantBotConnectionConfiguration : IEntityTypeConfiguration<TenantBotConnection>
{
    public void Configure(EntityTypeBuilder<TenantBotConnection> builder)
    {
        builder.ToTable("tenant_bot_connections");
        builder.HasKey(c => c.Id);
        builder.OwnedByTenant();
        builder.Property(c => c.BotRole).StoredAsLower();
        builder.Property(c => c.BotToken).IsRequired();
        builder.Property(c => c.BotUsername).HasMaxLength(64);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.FreeChannelId).HasMaxLength(64);
        builder.Property(c => c.WebhookSecret).HasMaxLength(1024).IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.BotRole }).IsUnique();
        builder.HasIndex(c => c.PublicId).IsUnique();
        builder.HasIndex(c => c.BotTelegramId);
    }
}
