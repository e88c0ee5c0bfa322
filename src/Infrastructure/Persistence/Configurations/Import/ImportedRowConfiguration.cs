using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Import;

namespace PromoStack.Infrastructure.Persistence.Configurations.Import;

internal sealed class ImportedRowConfiguration : IEntityTypeConfiguration<ImportedRow>
{
    public void Configure(EntityTypeBuilder<ImportedRow> builder)
    {
        builder.ToTable("imported_rows");
        builder.HasKey(r => new { r.TenantId, r.SourceTable, r.SourceKey });
        builder.OwnedByTenant();
        builder.Property(r => r.SourceTable).HasMaxLength(100);
        builder.Property(r => r.SourceKey).HasMaxLength(200);
        builder.Property(r => r.TargetTable).HasMaxLength(100);
        builder.Property(r => r.TargetKey).HasMaxLength(200);
        builder.HasIndex(r => new { r.TenantId, r.TargetTable, r.TargetKey });
    }
}
