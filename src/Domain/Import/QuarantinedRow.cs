using PromoStack.Domain.Common;

namespace PromoStack.Domain.Import;

/// <summary>
/// A row of the original database that could not be brought over (an unknown status, a row without a tenant, a
/// shape that does not parse), kept whole with the reason so nothing is lost silently. Platform data: the row may
/// name no tenant of PromoStack at all (an orphan), so it is not scoped to one.
/// </summary>
public sealed class QuarantinedRow : IGlobalEntity
{
    public const int ReasonMaxLength = 500;

    private QuarantinedRow(Guid runId, string? sourceTenantId, string? tenantId, string sourceTable, string sourceKey, string reason, string row, DateTimeOffset quarantinedAt)
    {
        RunId = runId;
        SourceTenantId = sourceTenantId;
        TenantId = tenantId;
        SourceTable = sourceTable;
        SourceKey = sourceKey;
        Reason = reason;
        Row = row;
        QuarantinedAt = quarantinedAt;
    }

    public long Id { get; private set; }

    /// <summary>The import run that met the row.</summary>
    public Guid RunId { get; private set; }

    /// <summary>The tenant the original row names (null, or one that does not exist, for an orphan).</summary>
    public string? SourceTenantId { get; private set; }

    /// <summary>The PromoStack tenant it would have gone to, when there is one.</summary>
    public string? TenantId { get; private set; }

    public string SourceTable { get; private set; }

    /// <summary>The row's key in the original (its id, or its natural key where it has none).</summary>
    public string SourceKey { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The whole original row as JSON, secrets masked.</summary>
    public string Row { get; private set; }

    public DateTimeOffset QuarantinedAt { get; private set; }

    public static QuarantinedRow Of(
        Guid runId, string? sourceTenantId, string? tenantId, string sourceTable, string sourceKey, string reason, string rowJson, DateTimeOffset now) =>
        new(runId, sourceTenantId, tenantId, Guard.NotBlank(sourceTable, "Source table", 100), Guard.NotBlank(sourceKey, "Source key", 200),
            TextCut.AtMost(Guard.NotBlank(reason, "Reason", int.MaxValue), ReasonMaxLength), rowJson, now);
}
