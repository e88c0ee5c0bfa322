namespace PromoStack.Application.Import;

/// <summary>
/// The original system's database, opened read-only (a read-only transaction on a connection of its own: nothing
/// here can write to it, so it stays the way back). Tables and columns the original's version did not have are
/// simply absent from <see cref="Inventory"/>; reads of an absent table yield nothing.
/// </summary>
public interface IOriginalDatabase : IAsyncDisposable
{
    OriginalInventory Inventory { get; }

    /// <summary>The rows of <paramref name="table"/> that <paramref name="filter"/> selects, streamed in key order.</summary>
    IAsyncEnumerable<SourceRow> ReadAsync(string table, SourceFilter filter, CancellationToken cancellationToken);
}

/// <summary>
/// Opens the original database from a <c>postgres://</c> URL or an Npgsql connection string; its naive timestamps
/// are read as wall-clock time of the zone given.
/// </summary>
public interface IOriginalDatabaseOpener
{
    Task<IOriginalDatabase> OpenAsync(string connection, TimeZoneInfo zone, CancellationToken cancellationToken);
}

/// <summary>
/// What the original database holds: its tables with their columns and row counts, its session <c>TimeZone</c>
/// (naive timestamps were written in it), and where it is (host, port, database; never the password).
/// </summary>
public sealed record OriginalInventory(string Source, string ServerTimeZone, IReadOnlyDictionary<string, OriginalTable> Tables)
{
    public bool Has(string table) => Tables.ContainsKey(table);

    public bool Has(string table, string column) => Tables.TryGetValue(table, out var t) && t.Columns.Contains(column);
}

public sealed record OriginalTable(string Name, IReadOnlySet<string> Columns, long Rows);

/// <summary>Which rows a read takes.</summary>
public abstract record SourceFilter
{
    /// <summary>Every row.</summary>
    public static SourceFilter All { get; } = new AllRows();

    /// <summary>Rows whose <paramref name="column"/> is <paramref name="tenantId"/>.</summary>
    public static SourceFilter Tenant(string tenantId, string column = "tenant_id") => new OfTenant(column, tenantId);

    /// <summary>
    /// Rows of a child table without a tenant column: those whose <paramref name="foreignKey"/> names a row of
    /// <paramref name="parentTable"/> (by its <c>id</c>) that belongs to <paramref name="tenantId"/>.
    /// </summary>
    public static SourceFilter Parent(string foreignKey, string parentTable, string tenantId) => new OfParent(foreignKey, parentTable, tenantId);

    /// <summary>Rows whose tenant column is null or names none of <paramref name="knownTenants"/>: orphans.</summary>
    public static SourceFilter Orphans(IReadOnlyCollection<string> knownTenants, string column = "tenant_id") => new Orphaned(column, knownTenants);

    /// <summary>Rows of a child table whose <paramref name="foreignKey"/> is null or names no row of <paramref name="parentTable"/>.</summary>
    public static SourceFilter WithoutParent(string foreignKey, string parentTable) => new ParentMissing(foreignKey, parentTable);

    public sealed record AllRows : SourceFilter;

    public sealed record OfTenant(string Column, string TenantId) : SourceFilter;

    public sealed record OfParent(string ForeignKey, string ParentTable, string TenantId) : SourceFilter;

    public sealed record Orphaned(string Column, IReadOnlyCollection<string> KnownTenants) : SourceFilter;

    public sealed record ParentMissing(string ForeignKey, string ParentTable) : SourceFilter;
}
