using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Infrastructure.Schedules;

namespace PromoStack.Infrastructure.Persistence.Configurations.System;

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
