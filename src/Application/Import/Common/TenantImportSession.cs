using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Import;

namespace PromoStack.Application.Import;

/// <summary>
/// One tenant's import in progress: the source, the tenant's unit of work, and the report being written. Rows are
/// added in batches that are saved and then let go (the change tracker would otherwise hold every row of a big
/// tenant); each saved row's origin is recorded once its key is known. In a dry run nothing is added or saved.
/// </summary>
public sealed class TenantImportSession(
    IOriginalDatabase source, IAppDbContext db, Guid runId, string sourceTenantId, string tenantId, bool dryRun, DateTimeOffset now, bool merge = false)
{
    public const int BatchSize = 1000;

    private readonly Dictionary<string, TableCounts> _tables = new(StringComparer.Ordinal);
    private readonly List<(string Table, string Key, object Entity, string TargetTable, Func<object, string> TargetKey)> _origins = [];
    private int _pending;

    public IOriginalDatabase Source { get; } = source;

    public IAppDbContext Db { get; } = db;

    public Guid RunId { get; } = runId;

    public string SourceTenantId { get; } = sourceTenantId;

    public string TenantId { get; } = tenantId;

    public bool DryRun { get; } = dryRun;

    /// <summary>
    /// The tenant already has data made in PromoStack and the import adds to it: what PromoStack already has (a user,
    /// a bot, a setting, a subscriber's email, a chat, a Stripe event, a journey) is kept, and the original's row for it
    /// is skipped with the reason.
    /// </summary>
    public bool Merge { get; } = merge;

    /// <summary>When the import runs (what "now" means for rows the original never dated).</summary>
    public DateTimeOffset Now { get; } = now;

    public List<QuarantinedRow> Quarantine { get; } = [];

    /// <summary>The Stripe settings made from the keys, completed by the catalog's settings before they are added.</summary>
    public (SourceRow Row, string Key, Domain.Stripe.TenantStripeSettings Settings)? PendingStripe { get; set; }

    public List<string> Secrets { get; } = [];

    public List<SettingNote> Settings { get; } = [];

    public List<string> Notes { get; } = [];

    public IReadOnlyList<TableReport> Tables => [.. _tables.Values.Select(t => t.Report())];

    /// <summary>The table's rows for this tenant, each counted as found.</summary>
    public async IAsyncEnumerable<SourceRow> RowsAsync(
        string table, string target, SourceFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var counts = Table(table, target);
        await foreach (var row in Source.ReadAsync(table, filter, cancellationToken))
        {
            counts.Found++;
            yield return row;
        }
    }

    public TableCounts Table(string table, string target)
    {
        if (!_tables.TryGetValue(table, out var counts))
        {
            _tables[table] = counts = new TableCounts(table, target);
        }

        return counts;
    }

    /// <summary>
    /// Adds a row made from <paramref name="row"/> (nothing in a dry run), remembering where it came from. A source row
    /// that makes several rows here is counted once (<paramref name="counts"/> false for the others).
    /// </summary>
    public async Task AddAsync<T>(SourceRow row, string key, T entity, string targetTable, Func<T, string> targetKey, CancellationToken cancellationToken, bool counts = true)
        where T : class
    {
        if (counts)
        {
            Table(row.Table, targetTable).Imported++;
        }

        if (DryRun)
        {
            return;
        }

        Db.Add(entity);
        _origins.Add((row.Table, key, entity, targetTable, e => targetKey((T)e)));
        if (++_pending >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>A second row made from a source row already counted (nothing in a dry run).</summary>
    public void AddAlso<T>(T entity)
        where T : class
    {
        if (!DryRun)
        {
            Db.Add(entity);
            _pending++;
        }
    }

    /// <summary>Counts a row that needs no row of its own here (e.g. a setting merged into another) as imported.</summary>
    public void Merged(SourceRow row, string targetTable) => Table(row.Table, targetTable).Imported++;

    /// <summary>A row left out on purpose (the reason goes to the notes once per table and reason).</summary>
    public void Skip(SourceRow row, string targetTable, string reason)
    {
        Table(row.Table, targetTable).Skipped++;
        var note = $"{row.Table}: rows left out — {reason}";
        if (!Notes.Contains(note))
        {
            Notes.Add(note);
        }
    }

    /// <summary>In a merge, a row for something the tenant already has here: skipped, PromoStack's own kept.</summary>
    public void AlreadyHere(SourceRow row, string targetTable, string what) =>
        Skip(row, targetTable, $"merged: the tenant already has {what} here, which is kept");

    /// <summary>A row that cannot be brought over: kept in the quarantine with the reason.</summary>
    public void Quarantined(SourceRow row, string key, string targetTable, string reason)
    {
        Table(row.Table, targetTable).Quarantined++;
        Quarantine.Add(QuarantinedRow.Of(RunId, SourceTenantId, TenantId, row.Table, SourceKey(key), reason, row.ToJson(), Now));
    }

    /// <summary>A key fit for the quarantine's column (a long natural key is shortened, never dropped).</summary>
    public static string SourceKey(string key) => string.IsNullOrWhiteSpace(key) ? "?" : Domain.Common.TextCut.AtMost(key, 200);

    /// <summary>Saves what is pending, records the saved rows' origins, and lets the saved rows go.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (DryRun || (_pending == 0 && _origins.Count == 0))
        {
            return;
        }

        await Db.SaveChangesAsync(cancellationToken);
        foreach (var (table, key, entity, targetTable, targetKey) in _origins)
        {
            Db.Add(ImportedRow.Of(TenantId, table, key, targetTable, targetKey(entity)));
        }

        _origins.Clear();
        await Db.SaveChangesAsync(cancellationToken);
        Db.ClearTracked();
        _pending = 0;
    }
}

/// <summary>A table's running counts.</summary>
public sealed class TableCounts(string table, string target)
{
    public long Found { get; set; }

    public long Imported { get; set; }

    public long Quarantined { get; set; }

    public long Skipped { get; set; }

    public long? TargetBefore { get; set; }

    public long? TargetAfter { get; set; }

    public TableReport Report() => new(table, target, Found, Imported, Quarantined, Skipped, TargetBefore, TargetAfter);
}
