using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Audit;
using PromoStack.Domain.Tenants;

namespace PromoStack.Infrastructure.Persistence.Configurations.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);

        // Ids come from a sequence in blocks, so an insert reads nothing back: a workspace's request may write the
        // platform's entry (a tenant-agnostic command), which row-level security lets it write but not see.
        builder.Property(e => e.Id).UseHiLo("audit_log_hilo");
        builder.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(ModelConventions.TenantIdLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.UserId).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.Property(e => e.UserEmail).HasMaxLength(TenantUser.EmailMaxLength);
        builder.Property(e => e.UserRole).HasConversion(EnumNames<TenantRole>.LowerConverter()).HasMaxLength(ModelConventions.StatusLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(e => e.Fields).IsJson();
        builder.Property(e => e.ClientAddress).HasColumnType("inet");

        // A tenant's log newest first, paged; the pruning of the oldest entries across tenants.
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt, e.Id }).IsDescending(false, true, true);
        builder.HasIndex(e => e.OccurredAt);
    }
}
