using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Import;

namespace PromoStack.Infrastructure.Persistence.Configurations.Import;

internal sealed class TenantImportConfiguration : IEntityTypeConfiguration<TenantImport>
{
    public void Configure(EntityTypeBuilder<TenantImport> builder)
    {
        builder.ToTable("tenant_imports");
        builder.HasKey(i => i.TenantId);
        builder.OwnedByTenant();
        builder.Property(i => i.SourceTenantId).HasMaxLength(100);
        builder.Property(i => i.Source).HasMaxLength(300);
        builder.Property(i => i.Report).IsJson();
    }
}
