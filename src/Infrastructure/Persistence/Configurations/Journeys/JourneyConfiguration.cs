using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Journeys;

namespace PromoStack.Infrastructure.Persistence.Configurations.Journeys;

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.ToTable("journeys");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.OwnedByTenant();
        builder.Property(j => j.IsDemo).HasDefaultValue(false);
        builder.Property(j => j.Name).HasMaxLength(200).IsRequired();
        builder.Property(j => j.ReentryPolicy).StoredAsLower();
        builder.HasIndex(j => new { j.TenantId, j.IsActive });
    }
}
