using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Infrastructure.Events;

namespace PromoStack.Infrastructure.Persistence.Configurations.System;

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
