using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

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
