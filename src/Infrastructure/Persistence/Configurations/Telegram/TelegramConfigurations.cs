using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class BotUserConfiguration : IEntityTypeConfiguration<BotUser>
{
    public void Configure(EntityTypeBuilder<BotUser> builder)
    {
        builder.ToTable("bot_users");
        builder.Property(u => u.PendingConfirmation).HasMaxLength(32);
        builder.HasKey(u => u.Id);
        builder.OwnedByTenant();
        builder.Property(u => u.Username).HasMaxLength(64);
        builder.Property(u => u.FirstName).HasMaxLength(256);
        builder.Property(u => u.LastName).HasMaxLength(256);
        builder.Property(u => u.LastCouponCode).HasMaxLength(64);
        builder.HasIndex(u => new { u.TenantId, u.ChatId }).IsUnique();
    }
}

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

internal sealed class ChannelMembershipConfiguration : IEntityTypeConfiguration<ChannelMembership>
{
    public void Configure(EntityTypeBuilder<ChannelMembership> builder)
    {
        builder.ToTable("channel_memberships");
        builder.HasKey(m => m.Id);
        builder.OwnedByTenant();
        builder.Property(m => m.ChannelKind).StoredAsLower();
        builder.Property(m => m.Status).StoredAsLower();
        builder.Property(m => m.Username).HasMaxLength(64);
        builder.Property(m => m.InviteLink).HasMaxLength(256);
        builder.HasIndex(m => new { m.TenantId, m.ChannelKind, m.TelegramUserId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.TelegramUserId });
    }
}

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
    }
}
