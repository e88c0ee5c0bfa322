using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.CrossPromo;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.CrossPromo;

internal sealed class CrossPromoJobConfiguration : IEntityTypeConfiguration<CrossPromoJob>
{
    public void Configure(EntityTypeBuilder<CrossPromoJob> builder)
    {
        builder.ToTable("crosspromo_jobs");
        builder.HasKey(j => j.Id);
        builder.OwnedByTenant();
        builder.Property(j => j.JobType).HasMaxLength(50).IsRequired();
        builder.Property(j => j.Payload).IsJson().IsRequired();
        builder.Property(j => j.Status).StoredAsLower();
        builder.IsWorkQueue(Queues.CrossPromoJobs);
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt });
    }
}
