using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.ToTable("journeys");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(j => j.Name).HasMaxLength(200).IsRequired();
        builder.Property(j => j.ReentryPolicy).StoredAsLower();
        builder.HasIndex(j => new { j.TenantId, j.IsActive });
    }
}

internal sealed class JourneyTriggerConfiguration : IEntityTypeConfiguration<JourneyTrigger>
{
    public void Configure(EntityTypeBuilder<JourneyTrigger> builder)
    {
        builder.ToTable("journey_triggers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(t => t.TriggerType).HasMaxLength(50).IsRequired();
        builder.Property(t => t.TriggerConfig).IsJson().IsRequired();
        builder.HasOne<Journey>().WithMany().HasForeignKey(t => t.JourneyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TenantId, t.TriggerType, t.IsActive });
    }
}

internal sealed class JourneyStepConfiguration : IEntityTypeConfiguration<JourneyStep>
{
    public void Configure(EntityTypeBuilder<JourneyStep> builder)
    {
        builder.ToTable("journey_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(s => s.StepType).HasMaxLength(50).IsRequired();
        builder.Property(s => s.Config).IsJson().IsRequired();
        builder.HasOne<Journey>().WithMany().HasForeignKey(s => s.JourneyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.JourneyId, s.StepOrder });
    }
}

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

internal sealed class JourneyScheduledMessageConfiguration : IEntityTypeConfiguration<JourneyScheduledMessage>
{
    public void Configure(EntityTypeBuilder<JourneyScheduledMessage> builder)
    {
        builder.ToTable("journey_scheduled_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(m => m.MessageContent).IsJson().IsRequired();
        builder.Property(m => m.Status).StoredAsLower();
        builder.HasOne<JourneyUserSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JourneyStep>().WithMany().HasForeignKey(m => m.StepId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.TenantId, m.SessionId });
        builder.IsWorkQueue(Queues.JourneyScheduledMessages);
    }
}

internal sealed class JourneySkipConfiguration : IEntityTypeConfiguration<JourneySkip>
{
    public void Configure(EntityTypeBuilder<JourneySkip> builder)
    {
        builder.ToTable("journey_skips");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(s => s.Trigger).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(200).IsRequired();
        builder.HasOne<Journey>().WithMany().HasForeignKey(s => s.JourneyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.JourneyId, s.OccurredAt });
    }
}
