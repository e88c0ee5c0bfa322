using System.Runtime.CompilerServices;
using Npgsql;
using PromoStack.Application.Import;

namespace PromoStack.Infrastructure.Import;

/// <summary>
/// The original database, read and never written: a first connection holds a read-only repeatable-read transaction
/// and exports its snapshot, and every read runs in a read-only transaction of its own connection on that same
/// snapshot — so reads may nest, and all of them see the database as it was at one instant even while the original
/// keeps running. Tables and columns come from <c>information_schema</c>; SQL names only those.
/// </summary>
public sealed class OriginalDatabase : IOriginalDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _holder;
    private readonly NpgsqlTransaction _snapshotTransaction;
    private readonly string _snapshot;
    private readonly SourceClock _clock;

    private OriginalDatabase(
        NpgsqlDataSource dataSource, NpgsqlConnection holder, NpgsqlTransaction transaction, string snapshot, SourceClock clock, OriginalInventory inventory)
    {
        _dataSource = dataSource;
        _holder = holder;
        _snapshotTransaction = transaction;
        _snapshot = snapshot;
        _clock = clock;
        Inventory = inventory;
    }

    public OriginalInventory Inventory { get; }

    public static async Task<OriginalDatabase> OpenAsync(string connection, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var builder = OriginalConnection.Parse(connection);
        builder.ApplicationName = "promostack-import";
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        NpgsqlConnection? holder = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            holder = await dataSource.OpenConnectionAsync(cancellationToken);
            transaction = await holder.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", holder, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }

            var snapshot = (string)(await Scalar(holder, transaction, "SELECT pg_export_snapshot()", cancellationToken))!;
            var timeZone = (string)(await Scalar(holder, transaction, "SHOW TimeZone", cancellationToken))!;
            var tables = await TablesAsync(holder, transaction, cancellationToken);
            var source = $"{builder.Host}:{builder.Port}/{builder.Database}";
            return new OriginalDatabase(dataSource, holder, transaction, snapshot, new SourceClock(zone), new OriginalInventory(source, timeZone, tables));
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (holder is not null)
            {
                await holder.DisposeAsync();
            }

            await dataSource.DisposeAsync();
            throw;
        }
    }

    public async IAsyncEnumerable<SourceRow> ReadAsync(string table, SourceFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Inventory.Tables.TryGetValue(table, out var shape) || Where(table, shape, filter) is not { } where)
        {
            yield break;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using (var join = new NpgsqlCommand($"SET TRANSACTION READ ONLY; SET TRANSACTION SNAPSHOT '{_snapshot}'", connection, transaction))
        {
            await join.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand($"SELECT * FROM {Quote(table)} WHERE {where.Sql} ORDER BY {OrderBy(shape)}", connection, transaction);
        command.Parameters.AddRange(where.Parameters);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                var value = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
                values[names[i]] = value;
            }

            yield return new SourceRow(table, values, _clock);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _snapshotTransaction.DisposeAsync();
        await _holder.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    /// <summary>
    /// The filter as SQL over the table's real columns. A table without the filter's tenant column belongs to the
    /// original's own tenant (<c>entrylab</c>: the legacy tables had no tenant before theirs was added with that
    /// default); null means the filter selects nothing of this table.
    /// </summary>
    private static (string Sql, NpgsqlParameter[] Parameters)? Where(string table, OriginalTable shape, SourceFilter filter) => filter switch
    {
        SourceFilter.AllRows => ("TRUE", []),
        SourceFilter.OfTenant t when shape.Columns.Contains(t.Column) => ($"{Quote(t.Column)} = @tenant", [new NpgsqlParameter("tenant", t.TenantId)]),
        SourceFilter.OfTenant t => t.TenantId == "entrylab" ? ("TRUE", []) : null,
        SourceFilter.OfParent p when shape.Columns.Contains(p.ForeignKey) => (
            $"{Quote(p.ForeignKey)} IN (SELECT id FROM {Quote(p.ParentTable)} WHERE tenant_id = @tenant)", [new NpgsqlParameter("tenant", p.TenantId)]),
        SourceFilter.Orphaned o when shape.Columns.Contains(o.Column) => (
            $"{Quote(o.Column)} IS NULL OR NOT ({Quote(o.Column)} = ANY(@known))", [new NpgsqlParameter("known", o.KnownTenants.ToArray())]),
        SourceFilter.ParentMissing m when shape.Columns.Contains(m.ForeignKey) => (
            $"{Quote(m.ForeignKey)} IS NULL OR {Quote(m.ForeignKey)} NOT IN (SELECT id FROM {Quote(m.ParentTable)})", []),
        _ => throw new ArgumentException($"The filter {filter} does not apply to {table}.", nameof(filter)),
    };

    private static string OrderBy(OriginalTable shape) =>
        shape.Columns.Contains("id") ? "id" : shape.Columns.Contains("chat_id") ? "chat_id" : shape.Columns.Contains("event_id") ? "event_id" : "1";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, OriginalTable>> TablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
                         """
                         SELECT c.table_name, c.column_name FROM information_schema.columns c
                         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                         WHERE c.table_schema = current_schema()
                         """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var set))
                {
                    columns[table] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(reader.GetString(1));
            }
        }

        var tables = new Dictionary<string, OriginalTable>(StringComparer.Ordinal);
        foreach (var (name, set) in columns)
        {
            var rows = (long)(await Scalar(connection, transaction, $"SELECT count(*) FROM {Quote(name)}", cancellationToken))!;
            tables[name] = new OriginalTable(name, set, rows);
        }

        return tables;
    }
}

/// <summary>Opens the original database for an import.</summary>
public sealed class OriginalDatabaseOpener : IOriginalDatabaseOpener
{
    public async Task<IOriginalDatabase> OpenAsync(string connection, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        await OriginalDatabase.OpenAsync(connection, zone, cancellationToken);
}
