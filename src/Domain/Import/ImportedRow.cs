using PromoStack.Domain.Common;

namespace PromoStack.Domain.Import;

/// <summary>
/// Where a row of the original database went: its table and key there, and the row it became here (table and key).
/// Every imported row has one, so a later merge or an audit can tell which rows came over and which were made here.
/// </summary>
public sealed class ImportedRow : ITenantOwned
{
    private ImportedRow(string tenantId, string sourceTable, string sourceKey, string targetTable, string targetKey)
    {
        TenantId = tenantId;
        SourceTable = sourceTable;
        SourceKey = sourceKey;
        TargetTable = targetTable;
        TargetKey = targetKey;
    }

    public string TenantId { get; private set; }
    public string SourceTable { get; private set; }
    public string SourceKey { get; private set; }
    public string TargetTable { get; private set; }
    public string TargetKey { get; private set; }

    public static ImportedRow Of(string tenantId, string sourceTable, string sourceKey, string targetTable, string targetKey) =>
        new(tenantId, sourceTable, sourceKey, targetTable, targetKey);
}
