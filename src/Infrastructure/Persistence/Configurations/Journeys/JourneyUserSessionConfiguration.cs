using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

internal sealed class JourneyUserSessionConfiguration : IEntityTypeConfiguration<JourneyUserSession>
{
    public void Configure(EntityTypeBuilder<JourneyUserSession> builder)
    {
        builder.ToTable("journey_user_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(s => s.Status).StoredAsLower();
        builder.Property(s => s.Answers).IsJson().IsRequired();
        builder.Property(s => s.EndReason).HasMaxLength(64);
        // A reply and a due timer may race for one session: the second save fails and is retried with fresh state.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasOne<Journey>().WithMany().HasForeignKey(s => s.JourneyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JourneyStep>().WithMany().HasForeignKey(s => s.CurrentStepId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.TenantId, s.TelegramChatId, s.Status });
        builder.HasIndex(s => new { s.TenantId, s.JourneyId, s.TelegramChatId })
            .IsUnique()
            .HasFilter("status IN ('active', 'waiting_delay', 'awaiting_reply')")
            .HasDatabaseName("ux_journey_user_sessions_running");
    }
}
