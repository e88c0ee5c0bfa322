using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

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
