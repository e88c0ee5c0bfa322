using System.Net;
using Microsoft.Extensions.Logging;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>The real app's start-up: configuration checks and the database's migration state.</summary>
public sealed class HostStartupTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private readonly string _devKeyPath = Path.Combine(Path.GetTempPath(), $"promostack-host-{Guid.NewGuid():N}", "dev-signing-key.pem");

    public override Task DisposeAsync()
    {
        var directory = Path.GetDirectoryName(_devKeyPath)!;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Startup_WithoutMasterKey_FailsNamingSecretsMasterKey()
    {
        var exception = await StartupFailureAsync(new Dictionary<string, string?> { ["Secrets:MasterKey"] = string.Empty });

        Find<ConfigurationException>(exception).Message.Should().Contain("Secrets__MasterKey");
    }

    [Fact]
    public async Task Startup_InProduction_WithDevTokens_Fails()
    {
        var exception = await StartupFailureAsync(
            new Dictionary<string, string?>
            {
                ["Auth:DevTokens"] = "true",
                ["Auth:DevKeyPath"] = _devKeyPath,
                ["Auth:Issuer"] = "https://clerk.promostack.test",
            },
            "Production");

        Find<ConfigurationException>(exception).Message.Should().Contain("Auth__DevTokens");
        File.Exists(_devKeyPath).Should().BeFalse("the app must refuse before it creates a development key");
    }

    [Fact]
    public async Task Startup_InProduction_OnAnEmptyDatabase_FailsAskingToMigrate()
    {
        await using var empty = await ScratchDatabase.CreateAsync();

        var exception = await StartupFailureAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = empty.ConnectionString,
                ["Auth:Issuer"] = "https://clerk.promostack.test",
                ["App:PublicBaseUrl"] = "https://promostack.test",
            },
            "Production");

        Find<PendingMigrationsException>(exception).Message.Should().Contain("./promostack migrate");
        (await empty.ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
            .Should().Be(0, "a production start must never migrate by itself");
    }

    [Fact]
    public async Task Startup_InProduction_OnAMigratedDatabase_Starts()
    {
        await using var factory = new PromoStackFactory(
            Identity,
            new Dictionary<string, string?>
            {
                ["Auth:Issuer"] = "https://clerk.promostack.test",
                ["App:PublicBaseUrl"] = "https://promostack.test",
            },
            "Production");

        var response = await factory.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Startup_InDevelopment_OnAnEmptyDatabase_MigratesIt_WithoutLoggingAFailure()
    {
        await using var empty = await ScratchDatabase.CreateAsync();
        var logs = new CapturedLogs();
        var factory = new PromoStackFactory(
            Identity,
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = empty.ConnectionString,
                ["Auth:DevTokens"] = "true",
                ["Auth:DevKeyPath"] = _devKeyPath,
            },
            "Development")
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        await using (factory)
        {
            var response = await factory.CreateClient().GetAsync("/health/ready");

            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        (await empty.ScalarAsync("SELECT count(*) FROM \"__EFMigrationsHistory\"")).Should().BePositive();
        (await empty.ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'tenants'")).Should().Be(1);
        logs.Messages.Where(entry => entry.Level >= LogLevel.Error).Should().BeEmpty("the first start on a fresh database is not a failure");
    }

    [Fact]
    public async Task Startup_WithACorsOriginEndingInASlash_RefusesIt_OrAllowsThatOrigin()
    {
        await using var factory = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = "http://localhost:3000/" });
        HttpClient client;
        try
        {
            client = factory.CreateClient();
        }
        catch (Exception exception)
        {
            Find<ConfigurationException>(exception).Message.Should().Contain("Cors__AllowedOrigins");
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/me");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await client.SendAsync(request);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins)
            .Should().BeTrue("the app started with this origin configured, so a browser on it must be allowed (or start-up must refuse it)");
        origins.Should().Equal("http://localhost:3000");
    }

    [Fact]
    public async Task Startup_WithAnIssuerEndingInASlash_RefusesIt_OrAcceptsThatIssuersTokens()
    {
        await using var factory = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Auth:Issuer"] = Identity.Issuer + "/" });
        HttpClient client;
        try
        {
            client = factory.CreateClient();
        }
        catch (Exception exception)
        {
            Find<ConfigurationException>(exception).Message.Should().Contain("Auth__Issuer");
            return;
        }

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", Identity.Token("user_slash", "slash@example.com"));
        var response = await client.GetAsync("/api/me");

        response.StatusCode.Should().Be(
            HttpStatusCode.OK,
            $"the app started with this issuer configured, so its tokens must be accepted (or start-up must refuse it): {response.Headers.WwwAuthenticate}");
    }

    /// <summary>Starts the app with the overrides and returns what its start-up threw.</summary>
    private async Task<Exception> StartupFailureAsync(IReadOnlyDictionary<string, string?> overrides, string environment = "Testing")
    {
        await using var factory = new PromoStackFactory(Identity, overrides, environment);
        var start = () => factory.Server;

        return start.Should().Throw<Exception>().Which;
    }

    /// <summary>The exception of type <typeparamref name="T"/> anywhere in the chain (hosting may wrap it).</summary>
    private static T Find<T>(Exception exception)
        where T : Exception
    {
        var pending = new Queue<Exception>([exception]);
        while (pending.TryDequeue(out var current))
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Enqueue(current.InnerException);
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name} in the chain, but got: {exception}");
    }
}
