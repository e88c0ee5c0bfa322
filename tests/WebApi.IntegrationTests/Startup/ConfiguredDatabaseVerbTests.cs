using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Cli;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>
/// The CLI as a deployment runs it (<c>dotnet cli/PromoStack.Cli.dll &lt;verb&gt;</c> beside the published API): its own host,
/// Production, only a database configured — no master key, no Clerk, no source tree — acting on that database.
/// </summary>
public sealed class ConfiguredDatabaseVerbTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"promostack-cli-{Guid.NewGuid():N}");

    public override Task DisposeAsync()
    {
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Migrate_WithOnlyDatabaseUrl_InProduction_BringsAnEmptyDatabaseToTheLatestMigration_ThenSaysItIsUpToDate()
    {
        await using var empty = await ScratchDatabase.CreateAsync();
        var database = new Dictionary<string, string?> { ["DATABASE_URL"] = DatabaseUrl(empty.ConnectionString) };

        var first = await RunAsync("Production", database, "migrate");
        var second = await RunAsync("Production", database, "migrate");

        first.ExitCode.Should().Be(0, first.Error);
        var expected = ExpectedMigrations();
        first.Output.Should().Contain($"Applied {expected.Count} migration(s)");
        (await AppliedMigrationsAsync(empty)).Should().Equal(expected, "every migration this build carries is applied, in order, up to the latest");
        (await empty.ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'tenants'")).Should().Be(1);
        second.ExitCode.Should().Be(0, second.Error);
        second.Output.Should().Contain("up to date");
    }

    [Fact]
    public async Task PlatformOperator_InProduction_ActsOnTheConfiguredDatabase()
    {
        await using var empty = await ScratchDatabase.CreateAsync();
        var database = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = string.Empty,
            ["DB_HOST"] = string.Empty,
            ["ConnectionStrings:Postgres"] = empty.ConnectionString,
        };
        (await RunAsync("Production", database, "migrate")).ExitCode.Should().Be(0);

        var grant = await RunAsync("Production", database, "platform-operator", "grant", "user_ops");

        grant.ExitCode.Should().Be(0, grant.Error);
        (await empty.ScalarAsync("SELECT count(*) FROM platform_operators WHERE clerk_user_id = 'user_ops'")).Should().Be(1);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM platform_operators")).Should().Be(0, "only the configured database is touched");
    }

    [Theory]
    [InlineData("postgres://promostack:secret@db.promostack.invalid:5432/promostack?sslmode=require")]
    [InlineData("postgres://promostack@10.0.0.12/promostack")]
    public async Task DevToken_OnADatabaseElsewhere_IsRefused_BeforeItTouchesIt(string url)
    {
        var run = await RunAsync(
            "Development",
            new Dictionary<string, string?> { ["DATABASE_URL"] = url, ["Auth:DevKeyPath"] = Path.Combine(_keyDirectory, "dev-signing-key.pem") },
            "dev-token", "--tenant", "demo", "--role", "admin");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("local database only").And.Contain(new Uri(url).Host);
        Directory.Exists(_keyDirectory).Should().BeFalse("nothing is made for a database that is not local");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=promostack", true)]
    [InlineData("Host=localhost;Database=promostack", true)]
    [InlineData("Host=LOCALHOST;Database=promostack", true)]
    [InlineData("Host=::1;Database=promostack", true)]
    [InlineData("Host=/var/run/postgresql;Database=promostack", true)]
    [InlineData("Host=127.0.0.1:55432,localhost:5432;Database=promostack", true)]
    [InlineData("Host=[::1]:5432;Database=promostack", true)]
    [InlineData("Host=db.example.com;Database=promostack", false)]
    [InlineData("Host=10.0.0.12;Database=promostack", false)]
    [InlineData("Host=localhost.example.com;Database=promostack", false)]
    [InlineData("Host=127.0.0.1,db.example.com;Database=promostack", false)]
    [InlineData("Host=2001:db8::1;Database=promostack", false)]
    [InlineData("Database=promostack", false)]
    public void LocalDatabase_IsThisMachineOnly(string connectionString, bool local)
    {
        LocalDatabase.IsLocal(connectionString).Should().Be(local);
    }

    private sealed record CliRun(int ExitCode, string Output, string Error);

    private static async Task<CliRun> RunAsync(string environment, Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliHost.RunAsync(args, environment, settings, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private List<string> ExpectedMigrations()
    {
        using var scope = Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().ToList();
    }

    private static async Task<List<string>> AppliedMigrationsAsync(ScratchDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>The scratch database as a deployment names it: <c>postgres://user:password@host:port/database</c>.</summary>
    private static string DatabaseUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var password = builder.Password is { Length: > 0 } secret ? $":{Uri.EscapeDataString(secret)}" : string.Empty;
        return $"postgres://{Uri.EscapeDataString(builder.Username!)}{password}@{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
