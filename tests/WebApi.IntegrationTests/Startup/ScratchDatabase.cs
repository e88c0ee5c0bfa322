using Npgsql;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>An empty database on the test server, dropped (with any open connections) when disposed.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync()
    {
        var name = $"promostack_test_empty_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = name }.ConnectionString;
        return new ScratchDatabase(name, connectionString);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        // Pooling off: a pooled connection to the server's maintenance database would outlive the test for nothing.
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
