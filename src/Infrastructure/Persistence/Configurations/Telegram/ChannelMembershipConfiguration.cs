using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Telegram;

namespace PromoStack.Infrastructure.Persistence.Configurations.Telegram;

internal sealed class ChannelMembershipConfiguration : IEntityTypeConfiguration<ChannelMembership>
{
    public void Configure(EntityTypeBuilder<ChannelMembership> builder)
    {
        builder.ToTable("channel_memberships");
        builder.HasKey(m => m.Id);
        builder.OwnedByTenant();
        builder.Property(m => m.IsDemo).HasDefaultValue(false);
        builder.Property(m => m.ChannelKind).StoredAsLower();
        builder.Property(m => m.Status).StoredAsLower();
        builder.Property(m => m.Username).HasMaxLength(64);
        builder.Property(m => m.InviteLink).HasMaxLength(256);
        builder.HasIndex(m => new { m.TenantId, m.ChannelKind, m.TelegramUserId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.TelegramUserId });
    }
}
