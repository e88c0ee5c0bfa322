using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Import;

namespace PromoStack.Infrastructure.Persistence.Configurations.Import;

internal sealed class QuarantinedRowConfiguration : IEntityTypeConfiguration<QuarantinedRow>
{
    public void Configure(EntityTypeBuilder<QuarantinedRow> builder)
    {
        builder.ToTable("import_quarantine");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.SourceTenantId).HasMaxLength(100);
        builder.Property(q => q.TenantId).HasMaxLength(50);
        builder.Property(q => q.SourceTable).HasMaxLength(100);
        builder.Property(q => q.SourceKey).HasMaxLength(200);
        builder.Property(q => q.Reason).HasMaxLength(QuarantinedRow.ReasonMaxLength);
        builder.Property(q => q.Row).IsJson();
        builder.HasIndex(q => new { q.TenantId, q.SourceTable });
        builder.HasIndex(q => q.RunId);
    }
}
