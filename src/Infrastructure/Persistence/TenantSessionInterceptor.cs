using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>
/// Names the unit of work's tenant to PostgreSQL each time the application's context opens a connection, so that
/// row-level security shows and accepts that tenant's rows only (none when the unit of work has no tenant). EF opens a
/// connection for each query or save, or once for a transaction, after the tenant is known (the tenant behaviour runs
/// first and a scope never changes tenant). The setting is the session's and lasts while the connection is out of the
/// pool: Npgsql resets a connection returned to the pool (<c>DISCARD ALL</c>), and the next opening sets it again.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    private const string SetTenantSql = "SELECT set_config('" + DatabaseRoles.TenantSetting + "', $1, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = SetTenant(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = SetTenant(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand SetTenant(DbConnection connection, ConnectionEndEventData eventData)
    {
        var tenantId = (eventData.Context as AppDbContext)?.SessionTenantId ?? string.Empty;
        var command = ((NpgsqlConnection)connection).CreateCommand();
        command.CommandText = SetTenantSql;
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
        return command;
    }
}
