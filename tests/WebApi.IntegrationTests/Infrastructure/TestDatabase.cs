using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;
using Respawn;
using Respawn.Graph;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL database the tests share: <c>PROMOSTACK_TEST_DB</c> (set by <c>./promostack test</c>), migrated
/// once, and wiped with Respawn before each test.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Respawner? _respawner;

    public static string ConnectionString => Environment.GetEnvironmentVariable("PROMOSTACK_TEST_DB") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            "Integration tests need PostgreSQL: run `./promostack test` (it starts a throwaway server), " +
            "or set PROMOSTACK_TEST_DB to a connection string of a database the tests may wipe.");

    public static async Task ResetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            if (_respawner is null)
            {
                await using (var db = CreateContext())
                {
                    await db.Database.MigrateAsync();
                }

                _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
                {
                    DbAdapter = DbAdapter.Postgres,
                    SchemasToInclude = ["public"],
                    // The Data Protection key ring outlives tests as it outlives deployments: an app that made a key keeps it in
                    // memory, so wiping the table under it would leave a second instance unable to read what the first wrote.
                    TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("data_protection_keys")],
                });
            }

            await _respawner.ResetAsync(connection);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A context outside any app, for set-up and assertions; its tenant is <paramref name="tenantId"/>.</summary>
    public static AppDbContext CreateContext(string? tenantId = null)
    {
        var tenant = new TenantContext();
        if (tenantId is not null)
        {
            tenant.Enter(tenantId);
        }

        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options;
        var signals = new CommitSignals(new WorkSignal());
        return new AppDbContext(options, tenant, new DomainEventOutbox(signals, TimeProvider.System), signals);
    }

    public static async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        await command.ExecuteNonQueryAsync();
    }
}
