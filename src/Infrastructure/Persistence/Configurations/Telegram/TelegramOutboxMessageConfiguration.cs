using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class TelegramOutboxMessageConfiguration : IEntityTypeConfiguration<TelegramOutboxMessage>
{
    public void Configure(EntityTypeBuilder<TelegramOutboxMessage> builder)
    {
        builder.ToTable("telegram_outbox");
        builder.HasKey(m => m.Id);
        builder.OwnedByTenant();
        builder.Property(m => m.BotRole).HasMaxLength(ModelConventions.StatusLength).IsRequired();
        builder.Property(m => m.Method).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Payload).IsJson().IsRequired();
        builder.Property(m => m.Delivery).StoredAsLower();
        builder.Property(m => m.Status).StoredAsLower();
        builder.Property(m => m.Priority).HasConversion<short>();
        builder.Property(m => m.Kind).HasMaxLength(32).IsRequired();
        builder.Property(m => m.ResultText).HasMaxLength(512);
        builder.HasOne<TelegramOutboxMessage>().WithMany().HasForeignKey(m => m.DependsOnId).OnDelete(DeleteBehavior.Cascade);

        // Set by the sender just before an at-most-once call; only such a call can have reached Telegram unrecorded.
        builder.Property<DateTimeOffset?>("SendStartedAt").HasColumnName("send_started_at");
        builder.IsWorkQueue(Queues.TelegramOutbox);
        builder.HasIndex(m => new { m.BotTelegramId, m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.TenantId, m.Status, m.CreatedAt });

        // The claim looks for an earlier unfinished message to the same chat before taking one.
        builder.HasIndex(m => new { m.TenantId, m.BotTelegramId, m.ChatId, m.Id })
            .HasFilter("status IN ('pending', 'sending')")
            .HasDatabaseName("ix_telegram_outbox_unfinished_per_chat");

        // A person's messages, newest first (their timeline in the audience view).
        builder.HasIndex(m => new { m.TenantId, m.ChatId, m.CreatedAt });
    }
}
