using Npgsql;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Import;

/// <summary>
/// A database of the original system for one test: made on the test server from the fixture's DDL and rows
/// (<c>tests/TestData/OriginalSystem</c>, written from the original's schema description), changed by the test as
/// it needs, and dropped afterwards.
/// </summary>
public sealed class OriginalSystemDatabase : IAsyncDisposable
{
    private OriginalSystemDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>An Npgsql connection string for the import's <c>--from</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The same database as a <c>postgres://</c> URL.</summary>
    public string Url
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var user = Uri.EscapeDataString(builder.Username ?? "postgres");
            var password = builder.Password is { } p ? ":" + Uri.EscapeDataString(p) : string.Empty;
            return $"postgres://{user}{password}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>The final shape with its rows (<c>schema.sql</c>, <c>seed.sql</c>), or another pair of fixture files.</summary>
    public static async Task<OriginalSystemDatabase> CreateAsync(string schema = "schema.sql", string? seed = "seed.sql")
    {
        var name = $"original_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(Server().ConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }

        var database = new OriginalSystemDatabase(name, new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = name, Pooling = false }.ConnectionString);
        await database.ExecuteAsync(await File.ReadAllTextAsync(PathOf(schema)));
        if (seed is not null)
        {
            await database.ExecuteAsync(await File.ReadAllTextAsync(PathOf(seed)));
        }

        return database;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var server = new NpgsqlConnection(Server().ConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private static NpgsqlConnectionStringBuilder Server() => new(TestDatabase.ConnectionString) { Database = "postgres", Pooling = false };

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "OriginalSystem", file);
}
