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
        builder.Property(c => c.BotTokenHint).HasMaxLength(64).IsRequired();
        builder.Property(c => c.BotUsername).HasMaxLength(64);
        builder.Property(c => c.ChannelId).HasMaxLength(TenantBotConnection.ChannelIdMaxLength);
        builder.Property(c => c.FreeChannelId).HasMaxLength(TenantBotConnection.ChannelIdMaxLength);
        builder.Property(c => c.WebhookSecret).HasMaxLength(1024).IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.BotRole }).IsUnique();
        builder.Ignore(c => c.Webhook);
        // One bot serving both roles of a tenant shares its webhook: a public id names one bot, in one or two roles.
        builder.HasIndex(c => new { c.PublicId, c.BotRole }).IsUnique();
        builder.HasIndex(c => c.BotTelegramId);
    }
}
