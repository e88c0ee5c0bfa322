using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Broadcasts;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence.Configurations.Broadcasts;

internal sealed class BroadcastJobConfiguration : IEntityTypeConfiguration<BroadcastJob>
{
    public void Configure(EntityTypeBuilder<BroadcastJob> builder)
    {
        builder.ToTable("broadcast_jobs");
        builder.HasKey(j => j.Id);
        builder.OwnedByTenant();
        builder.Property(j => j.Message).IsRequired();
        builder.Property(j => j.Status).StoredAsLower();
        builder.Property(j => j.Audience).StoredAsLower();
        builder.Property(j => j.Photo).HasMaxLength(2048);
        builder.Property(j => j.Buttons).HasColumnType("jsonb");
        builder.IsWorkQueue(Queues.BroadcastJobs);
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt });
    }
}
