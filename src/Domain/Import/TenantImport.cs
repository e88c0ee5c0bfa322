using PromoStack.Domain.Common;

namespace PromoStack.Domain.Import;

/// <summary>
/// A tenant brought over from the original system: written in the same transaction as the tenant's data, so it
/// exists exactly when the whole tenant was imported. A second run finds it and changes nothing.
/// </summary>
public sealed class TenantImport : ITenantOwned
{
    private TenantImport(string tenantId, string sourceTenantId, string source, DateTimeOffset importedAt, string report, int quarantined)
    {
        TenantId = tenantId;
        SourceTenantId = sourceTenantId;
        Source = source;
        ImportedAt = importedAt;
        Report = report;
        Quarantined = quarantined;
    }

    public string TenantId { get; private set; }

    /// <summary>The tenant's id in the original database (e.g. <c>tenant_3fa9c2d1</c>, which is no valid slug here).</summary>
    public string SourceTenantId { get; private set; }

    /// <summary>The original database, named without its password (host, port, database).</summary>
    public string Source { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>The tenant's report as JSON: rows found, imported and quarantined per table, secrets, settings.</summary>
    public string Report { get; private set; }

    public int Quarantined { get; private set; }

    public static TenantImport Completed(string tenantId, string sourceTenantId, string source, DateTimeOffset now, string reportJson, int quarantined) =>
        new(tenantId, Guard.NotBlank(sourceTenantId, "Source tenant", 100), Guard.NotBlank(source, "Source", 300), now, reportJson,
            quarantined >= 0 ? quarantined : throw new DomainException("A quarantine count is not negative."));
}
