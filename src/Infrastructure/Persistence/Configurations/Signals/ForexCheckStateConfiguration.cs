using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Signals;

namespace PromoStack.Infrastructure.Persistence.Configurations.Signals;

internal sealed class ForexCheckStateConfiguration : IEntityTypeConfiguration<ForexCheckState>
{
    public void Configure(EntityTypeBuilder<ForexCheckState> builder)
    {
        builder.ToTable("forex_check_states");
        builder.HasKey(s => s.TenantId);
        builder.OwnedByTenant();
        builder.Property(s => s.Outcome).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(500);
    }
}
