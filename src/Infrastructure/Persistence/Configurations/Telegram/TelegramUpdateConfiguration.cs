using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class TelegramUpdateConfiguration : IEntityTypeConfiguration<TelegramUpdate>
{
    public void Configure(EntityTypeBuilder<TelegramUpdate> builder)
    {
        builder.ToTable("telegram_updates");
        builder.HasKey(u => u.Id);
        builder.OwnedByTenant();
        builder.Property(u => u.Kind).HasMaxLength(32).IsRequired();
        builder.Property(u => u.Payload).IsJson().IsRequired();
        builder.Property(u => u.Status).StoredAsLower();
        builder.IsWorkQueue(Queues.TelegramInbox);
        builder.HasIndex(u => new { u.TenantId, u.BotTelegramId, u.UpdateId }).IsUnique();

        // The claim looks for an earlier unfinished update of the same chat before taking one.
        builder.HasIndex(u => new { u.TenantId, u.BotTelegramId, u.ChatId, u.UpdateId })
            .HasFilter("status IN ('pending', 'processing')")
            .HasDatabaseName("ix_telegram_updates_unfinished_per_chat");
        builder.HasIndex(u => u.ReceivedAt);
    }
}
