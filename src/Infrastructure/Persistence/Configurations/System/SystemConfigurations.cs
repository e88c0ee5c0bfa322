using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Schedules;

namespace PromoStack.Infrastructure.Persistence.Configurations.System;

internal sealed class DomainEventRecordConfiguration : IEntityTypeConfiguration<DomainEventRecord>
{
    public void Configure(EntityTypeBuilder<DomainEventRecord> builder)
    {
        builder.ToTable("domain_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(e => e.EventType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Payload).IsJson().IsRequired();
        builder.Property(e => e.Status).StoredAsLower();
        builder.IsWorkQueue(Queues.DomainEvents);
    }
}

internal sealed class DomainEventHandlingConfiguration : IEntityTypeConfiguration<DomainEventHandling>
{
    public void Configure(EntityTypeBuilder<DomainEventHandling> builder)
    {
        builder.ToTable("domain_event_handlings");
        builder.HasKey(h => new { h.EventId, h.Handler });
        builder.Property(h => h.Handler).HasMaxLength(300);
        builder.OwnedByTenant();
        builder.HasOne<DomainEventRecord>().WithMany().HasForeignKey(h => h.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class ScheduleSlotConfiguration : IEntityTypeConfiguration<ScheduleSlot>
{
    public void Configure(EntityTypeBuilder<ScheduleSlot> builder)
    {
        builder.ToTable("schedule_slots");
        builder.HasKey(s => new { s.Job, s.TenantId, s.Slot });
        builder.Property(s => s.Job).HasMaxLength(100);
        builder.Property(s => s.TenantId).HasMaxLength(ModelConventions.TenantIdLength);
        builder.Property(s => s.Slot).HasMaxLength(64);
        builder.Property(s => s.Attempts).HasDefaultValue(0);
        builder.HasIndex(s => s.CompletedAt);
    }
}
