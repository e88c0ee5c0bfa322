using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Signals;

namespace PromoStack.Infrastructure.Persistence.Configurations.Signals;

internal sealed class ForexConfigConfiguration : IEntityTypeConfiguration<ForexConfig>
{
    public void Configure(EntityTypeBuilder<ForexConfig> builder)
    {
        builder.ToTable("forex_config");
        builder.HasKey(c => c.Id);
        builder.OwnedByTenant();
        builder.Property(c => c.SettingKey).HasMaxLength(100).IsRequired();
        builder.Property(c => c.SettingValue).IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.SettingKey }).IsUnique();
    }
}
