using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (Program) on the test database, with the fake identity provider as its Clerk issuer, workers off
/// (tests run them explicitly) and a clock the tests move.
/// </summary>
public sealed class PromoStackFactory(
    TestIdentityProvider identity, IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Testing", FakeTelegram? telegram = null)
    : WebApplicationFactory<Program>
{
    public const string MasterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /// <summary>The app's clock; tests move it (or start it where they need) instead of sleeping.</summary>
    public FakeTimeProvider Clock { get; init; } = new(DateTimeOffset.UtcNow);

    public static Dictionary<string, string?> Settings(TestIdentityProvider identity) => new()
    {
        ["ConnectionStrings:Postgres"] = TestDatabase.ConnectionString,
        ["Secrets:MasterKey"] = MasterKey,
        ["Auth:Issuer"] = identity.Issuer,
        ["Auth:AuthorizedParties"] = TestIdentityProvider.AuthorizedParty,
        ["Clerk:SecretKey"] = TestIdentityProvider.BackendSecretKey,
        ["Clerk:ApiBaseUrl"] = identity.Issuer + "/",
        ["Cors:AllowedOrigins"] = TestIdentityProvider.AuthorizedParty,
        ["App:PublicBaseUrl"] = "https://promostack.test",
        ["Workers:Enabled"] = "false",
        ["Coupons:Partner:AllowPrivateNetworks"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:PromoStack"] = "Warning",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var settings = Settings(identity);
        if (telegram is not null)
        {
            settings["Telegram:ApiBaseUrl"] = telegram.Url;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Extra service registrations for one test class (fake handlers, jobs).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
