using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

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
