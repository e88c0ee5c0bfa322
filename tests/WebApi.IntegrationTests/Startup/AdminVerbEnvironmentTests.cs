using System.Diagnostics;
using PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>
/// The environment <c>./promostack</c> gives the admin verbs (migrate, dev-token, platform-operator, import, cutover):
/// with a database configured, neither the local cluster nor any development default; without one, both. The script's
/// own functions are run (sourced), with the local cluster's start replaced by a marker.
/// </summary>
public sealed class AdminVerbEnvironmentTests : IDisposable
{
    private readonly string _local = Directory.CreateTempSubdirectory("promostack-adminenv-").FullName;

    public void Dispose() => Directory.Delete(_local, recursive: true);

    [Theory]
    [InlineData("DATABASE_URL", "postgres://promostack:secret@db.example.com:5432/promostack")]
    [InlineData("DB_HOST", "db.example.com")]
    [InlineData("ConnectionStrings__Postgres", "Host=db.example.com;Database=promostack;Username=promostack")]
    public async Task WithADatabaseConfigured_NoLocalClusterStarts_AndNoDevelopmentDefaultIsSet(string name, string value)
    {
        var environment = await AdminEnvironmentAsync(new Dictionary<string, string> { [name] = value });

        environment.Should().NotContainKey("LOCAL_CLUSTER_STARTED");
        environment.Should().NotContainKeys("ASPNETCORE_ENVIRONMENT", "Secrets__MasterKey", "Auth__DevTokens", "Auth__DevKeyPath", "MarketData__Provider");
        environment.Should().Contain(name, value);
        if (name != "ConnectionStrings__Postgres")
        {
            environment.Should().NotContainKey("ConnectionStrings__Postgres");
        }
    }

    [Fact]
    public async Task WithADatabaseConfigured_TheEnvironmentGivenIsKept()
    {
        var environment = await AdminEnvironmentAsync(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://promostack@127.0.0.1:5432/promostack",
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
        });

        environment.Should().Contain("ASPNETCORE_ENVIRONMENT", "Staging");
        environment.Should().NotContainKey("LOCAL_CLUSTER_STARTED");
    }

    [Fact]
    public async Task WithoutADatabase_TheLocalClusterStarts_WithTheDevelopmentDefaults()
    {
        var environment = await AdminEnvironmentAsync([]);

        environment.Should().ContainKey("LOCAL_CLUSTER_STARTED");
        environment.Should().Contain("ASPNETCORE_ENVIRONMENT", "Development");
        environment.Should().Contain("ConnectionStrings__Postgres", "Host=127.0.0.1;Port=1;Database=promostack");
        environment.Should().ContainKey("Secrets__MasterKey");
    }

    /// <summary>Sources the script in a clean environment holding only <paramref name="given"/>, runs <c>admin_env</c>, returns what it exported.</summary>
    private async Task<Dictionary<string, string>> AdminEnvironmentAsync(Dictionary<string, string> given)
    {
        const string Script = """
            source "$1"
            LOCAL_DIR="$2"
            local_db_up() { export LOCAL_CLUSTER_STARTED=1; }
            local_db_conn() { echo "Host=127.0.0.1;Port=1;Database=promostack"; }
            admin_env 2>/dev/null
            env -0
            """;
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", Script, "admin-env-test", Path.Combine(RepositoryRoot.Path, "promostack"), _local },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = _local;
        foreach (var (name, value) in given)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await error);
        return (await output).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);
    }
}
