using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Persistence.Configurations.Tenants;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(ModelConventions.TenantIdLength);
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength).IsRequired();
        builder.Property(t => t.Timezone).HasMaxLength(64).HasDefaultValue(TimeZones.Utc).IsRequired();
        builder.Property(t => t.SiteOrigins).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]").IsRequired();
    }
}
