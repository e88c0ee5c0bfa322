using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

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
