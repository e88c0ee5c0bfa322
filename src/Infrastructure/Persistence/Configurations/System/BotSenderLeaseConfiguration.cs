using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PromoStack.Infrastructure.Persistence.Configurations.System;

internal sealed class BotSenderLeaseConfiguration : IEntityTypeConfiguration<PromoStack.Infrastructure.Telegram.BotSenderLease>
{
    public void Configure(EntityTypeBuilder<PromoStack.Infrastructure.Telegram.BotSenderLease> builder)
    {
        builder.ToTable("telegram_bot_senders");
        builder.HasKey(l => l.BotTelegramId);
        builder.Property(l => l.BotTelegramId).ValueGeneratedNever();
        builder.Property(l => l.TenantId).HasMaxLength(ModelConventions.TenantIdLength);
    }
}
