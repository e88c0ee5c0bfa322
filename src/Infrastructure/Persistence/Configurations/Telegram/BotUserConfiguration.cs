using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class BotUserConfiguration : IEntityTypeConfiguration<BotUser>
{
    public void Configure(EntityTypeBuilder<BotUser> builder)
    {
        builder.ToTable("bot_users");
        builder.Property(u => u.PendingConfirmation).HasMaxLength(32);
        builder.HasKey(u => u.Id);
        builder.OwnedByTenant();
        builder.Property(u => u.IsDemo).HasDefaultValue(false);
        builder.Property(u => u.Username).HasMaxLength(64);
        builder.Property(u => u.FirstName).HasMaxLength(256);
        builder.Property(u => u.LastName).HasMaxLength(256);
        builder.Property(u => u.LastCouponCode).HasMaxLength(64);
        builder.HasIndex(u => new { u.TenantId, u.ChatId }).IsUnique();

        // The audience list pages newest first by (joined, Telegram id).
        builder.HasIndex(u => new { u.TenantId, u.CreatedAt, u.ChatId });
    }
}
