using Microsoft.Extensions.Configuration;
using Npgsql;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>The configuration checks that run before anything starts; pure, no database.</summary>
public sealed class StartupChecksTests
{
    private const string ValidMasterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Production")]
    public void Validate_WithAValidConfiguration_Passes(string environment)
    {
        var act = () => Validate(Valid(), environment);

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_WithoutAnyDatabaseSetting_NamesDatabaseUrlAndTheConnectionString()
    {
        var settings = Valid();
        settings.Remove("ConnectionStrings:Postgres");

        var message = Problems(settings);

        message.Should().Contain("DATABASE_URL").And.Contain("ConnectionStrings__Postgres");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("mysql://user:pass@host:3306/db")]
    [InlineData("postgres://user:pass@host:5432/")]
    [InlineData("postgres://user:pass@host/db?sslmode=sometimes")]
    public void Validate_WithABadDatabaseUrl_NamesDatabaseUrl(string url)
    {
        var settings = Valid();
        settings["DATABASE_URL"] = url;

        Problems(settings).Should().Contain("DATABASE_URL");
    }

    [Fact]
    public void Validate_WithDbHostButNoDbName_NamesDbName()
    {
        var settings = Valid();
        settings.Remove("ConnectionStrings:Postgres");
        settings["DB_HOST"] = "db.internal";
        settings["DB_USER"] = "app";

        Problems(settings).Should().Contain("DB_NAME");
    }

    [Fact]
    public void Validate_WithABadDbPort_NamesDbPort()
    {
        var settings = Valid();
        settings["DB_HOST"] = "db.internal";
        settings["DB_NAME"] = "promostack";
        settings["DB_USER"] = "app";
        settings["DB_PORT"] = "99999";

        Problems(settings).Should().Contain("DB_PORT");
    }

    [Fact]
    public void Validate_WithAnUnreadableConnectionString_NamesIt()
    {
        var settings = Valid();
        settings["ConnectionStrings:Postgres"] = "Hostess=nowhere;Flavour=vanilla";

        Problems(settings).Should().Contain("ConnectionStrings__Postgres");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ==")]
    public void Validate_WithAMissingInvalidOrWronglySizedMasterKey_NamesSecretsMasterKey(string? masterKey)
    {
        var settings = Valid();
        settings["Secrets:MasterKey"] = masterKey;

        Problems(settings).Should().Contain("Secrets__MasterKey");
    }

    [Fact]
    public void Validate_WithAShortMasterKey_SaysHowLongItIs()
    {
        var settings = Valid();
        settings["Secrets:MasterKey"] = Convert.ToBase64String(new byte[16]);

        Problems(settings).Should().Contain("Secrets__MasterKey").And.Contain("32 bytes").And.Contain("16 bytes");
    }

    [Fact]
    public void Validate_WithoutAnIssuer_AndWithoutDevTokens_NamesAuthIssuer()
    {
        var settings = Valid();
        settings.Remove("Auth:Issuer");

        Problems(settings, "Development").Should().Contain("Auth__Issuer");
    }

    [Fact]
    public void Validate_WithoutAnIssuer_ButWithDevTokensInDevelopment_Passes()
    {
        var settings = Valid();
        settings.Remove("Auth:Issuer");
        settings["Auth:DevTokens"] = "true";

        var act = () => Validate(settings, "Development");

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_InProduction_WithDevTokens_IsRefused()
    {
        var settings = Valid();
        settings["Auth:DevTokens"] = "true";

        Problems(settings, "Production").Should().Contain("Auth__DevTokens").And.Contain("Production");
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Validate_OutsideDevelopment_WithDevTokens_IsRefused(string environment)
    {
        var settings = Valid();
        settings["Auth:DevTokens"] = "true";

        Problems(settings, environment).Should().Contain("Auth__DevTokens").And.Contain("Development only");
    }

    [Fact]
    public void Validate_InDevelopment_WithDevTokens_Passes()
    {
        var settings = Valid();
        settings["Auth:DevTokens"] = "true";

        var act = () => Validate(settings, "Development");

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_InProduction_WithoutAuthorizedParties_IsRefused_NamingTheVariable()
    {
        var settings = Valid();
        settings.Remove("Auth:AuthorizedParties");

        Problems(settings, "Production").Should().Contain("Auth__AuthorizedParties");
        var elsewhere = () => Validate(settings, "Staging");
        elsewhere.Should().NotThrow();
    }

    [Fact]
    public void Validate_InProduction_WithoutPublicBaseUrl_IsRefused()
    {
        var settings = Valid();
        settings.Remove("App:PublicBaseUrl");

        Problems(settings, "Production").Should().Contain("App__PublicBaseUrl");
    }

    [Fact]
    public void Validate_InProduction_WithAnHttpIssuer_IsRefused()
    {
        var settings = Valid();
        settings["Auth:Issuer"] = "http://clerk.example.com";

        Problems(settings, "Production").Should().Contain("Auth__Issuer").And.Contain("https");
    }

    [Fact]
    public void Validate_InProduction_WithAnHttpPublicBaseUrl_IsRefused()
    {
        var settings = Valid();
        settings["App:PublicBaseUrl"] = "http://api.example.com";

        Problems(settings, "Production").Should().Contain("App__PublicBaseUrl").And.Contain("https");
    }

    [Fact]
    public void Validate_OutsideProduction_WithAnHttpIssuer_Passes()
    {
        var settings = Valid();
        settings["Auth:Issuer"] = "http://127.0.0.1:5000";

        var act = () => Validate(settings, "Development");

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("localhost:3000")]
    [InlineData("http://localhost:3000,not-an-origin")]
    [InlineData("ftp://files.example.com")]
    [InlineData("http://localhost:3000/")]
    [InlineData("https://admin.example.com/app")]
    public void Validate_WithABadCorsOrigin_NamesCorsAllowedOrigins(string origins)
    {
        var settings = Valid();
        settings["Cors:AllowedOrigins"] = origins;

        Problems(settings).Should().Contain("Cors__AllowedOrigins");
    }

    [Theory]
    [InlineData("http://localhost:3000/")]
    [InlineData("not-an-origin")]
    public void Validate_WithABadAuthorizedParty_NamesAuthAuthorizedParties(string party)
    {
        var settings = Valid();
        settings["Auth:AuthorizedParties"] = party;

        Problems(settings).Should().Contain("Auth__AuthorizedParties");
    }

    [Fact]
    public void Validate_WithSeveralGoodCorsOrigins_Passes()
    {
        var settings = Valid();
        settings["Cors:AllowedOrigins"] = "http://localhost:3000, https://admin.example.com";

        var act = () => Validate(settings, "Production");

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_WithAnUnknownMarketDataProvider_IsRefused()
    {
        var settings = Valid();
        settings["MarketData:Provider"] = "foo";

        Problems(settings).Should().Contain("MarketData__Provider").And.Contain("foo");
    }

    [Fact]
    public void Validate_WithTwelveDataButNoApiKey_NamesTheApiKey()
    {
        var settings = Valid();
        settings["MarketData:Provider"] = "twelvedata";

        Problems(settings).Should().Contain("MarketData__TwelveData__ApiKey");
    }

    [Fact]
    public void Validate_WithTwelveDataAndAnApiKey_Passes()
    {
        var settings = Valid();
        settings["MarketData:Provider"] = "twelvedata";
        settings["MarketData:TwelveData:ApiKey"] = "td_key";

        var act = () => Validate(settings, "Production");

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_WithTwoProblems_ReportsBothAtOnce()
    {
        var settings = Valid();
        settings.Remove("Secrets:MasterKey");
        settings["MarketData:Provider"] = "foo";

        var message = Problems(settings);

        var lines = message.Split(Environment.NewLine).Where(line => line.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        lines.Should().HaveCount(2);
        lines.Should().ContainSingle(line => line.Contains("Secrets__MasterKey"));
        lines.Should().ContainSingle(line => line.Contains("MarketData__Provider"));
    }

    [Fact]
    public void Validate_WithManyProblemsInProduction_ReportsEveryOne()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:DevTokens"] = "true",
            ["Cors:AllowedOrigins"] = "nope",
            ["MarketData:Provider"] = "twelvedata",
        };

        var message = Problems(settings, "Production");

        message.Should().Contain("DATABASE_URL")
            .And.Contain("Secrets__MasterKey")
            .And.Contain("Auth__DevTokens")
            .And.Contain("App__PublicBaseUrl")
            .And.Contain("Cors__AllowedOrigins")
            .And.Contain("MarketData__TwelveData__ApiKey");
    }

    [Theory]
    [InlineData("Auth:DevTokens", "yes", "Auth__DevTokens")]
    [InlineData("Auth:ClockSkewSeconds", "ten", "Auth__ClockSkewSeconds")]
    public void Validate_WithAnUnreadableSetting_NamesItAlongWithTheOtherProblems(string key, string value, string variable)
    {
        var settings = Valid();
        settings[key] = value;
        settings["MarketData:Provider"] = "foo";

        Problems(settings).Should().Contain(variable).And.Contain("MarketData__Provider");
    }

    [Fact]
    public void Resolve_PrefersDatabaseUrl_OverDbVariables_AndTheConnectionString()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "postgres://url_user@url-host:5433/url_db",
            ["DB_HOST"] = "vars-host",
            ["DB_NAME"] = "vars_db",
            ["DB_USER"] = "vars_user",
            ["ConnectionStrings:Postgres"] = "Host=cs-host;Database=cs_db;Username=cs_user",
        });

        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.Resolve(configuration));

        builder.Host.Should().Be("url-host");
        builder.Database.Should().Be("url_db");
        builder.Username.Should().Be("url_user");
    }

    [Fact]
    public void Resolve_PrefersDbVariables_OverTheConnectionString()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["DB_HOST"] = "vars-host",
            ["DB_PORT"] = "6543",
            ["DB_NAME"] = "vars_db",
            ["DB_USER"] = "vars_user",
            ["DB_PASSWORD"] = "vars_pass",
            ["DB_SSLMODE"] = "verify-full",
            ["ConnectionStrings:Postgres"] = "Host=cs-host;Database=cs_db;Username=cs_user",
        });

        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.Resolve(configuration));

        builder.Host.Should().Be("vars-host");
        builder.Port.Should().Be(6543);
        builder.Database.Should().Be("vars_db");
        builder.Username.Should().Be("vars_user");
        builder.Password.Should().Be("vars_pass");
        builder.SslMode.Should().Be(SslMode.VerifyFull);
    }

    [Fact]
    public void Resolve_FallsBackToTheConnectionString()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=cs-host;Port=5999;Database=cs_db;Username=cs_user",
        });

        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.Resolve(configuration));

        builder.Host.Should().Be("cs-host");
        builder.Port.Should().Be(5999);
        builder.Database.Should().Be("cs_db");
    }

    [Theory]
    [InlineData("Host=cs-host;Database=cs_db;Username=cs_user", DatabaseConnection.DefaultMaxAutoPrepare)]
    [InlineData("Host=cs-host;Database=cs_db;Username=cs_user;Max Auto Prepare=0", 0)]
    [InlineData("Host=cs-host;Database=cs_db;Username=cs_user;MaxAutoPrepare=5", 5)]
    public void Resolve_PreparesFrequentStatements_UnlessTheConnectionStringSaysOtherwise(string connectionString, int expected)
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });

        new NpgsqlConnectionStringBuilder(DatabaseConnection.Resolve(configuration)).MaxAutoPrepare.Should().Be(expected);
    }

    [Fact]
    public void Resolve_WithDbHostAndNoPort_DefaultsTo5432()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["DB_HOST"] = "vars-host",
            ["DB_NAME"] = "vars_db",
            ["DB_USER"] = "vars_user",
        });

        new NpgsqlConnectionStringBuilder(DatabaseConnection.Resolve(configuration)).Port.Should().Be(5432);
    }

    [Fact]
    public void FromUrl_ReadsUserPercentEncodedPasswordPortDatabaseAndSslMode()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            DatabaseConnection.FromUrl("postgres://app_user:p%40ss%3Aw%2Frd%25@db.example.com:6432/promo_db?sslmode=require"));

        builder.Host.Should().Be("db.example.com");
        builder.Port.Should().Be(6432);
        builder.Username.Should().Be("app_user");
        builder.Password.Should().Be("p@ss:w/rd%");
        builder.Database.Should().Be("promo_db");
        builder.SslMode.Should().Be(SslMode.Require);
    }

    [Theory]
    [InlineData("postgres://app_user:secret@db.example.com/promo_db")]
    [InlineData("postgresql://app_user:secret@db.example.com/promo_db")]
    public void FromUrl_WithoutAPort_DefaultsTo5432(string url)
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.FromUrl(url));

        builder.Port.Should().Be(5432);
        builder.Host.Should().Be("db.example.com");
        builder.Database.Should().Be("promo_db");
        builder.Password.Should().Be("secret");
    }

    [Fact]
    public void FromUrl_WithAnotherQueryParameterBeforeSslMode_StillReadsTheSslMode()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            DatabaseConnection.FromUrl("postgres://app_user@db.example.com/promo_db?application_name=x&sslmode=verify-full"));

        builder.SslMode.Should().Be(SslMode.VerifyFull);
        builder.Password.Should().BeNull();
    }

    [Theory]
    [InlineData("postgres://app_user:secret@/promo_db")]
    [InlineData("https://db.example.com/promo_db")]
    [InlineData("db.example.com:5432/promo_db")]
    [InlineData("postgres://:secret@db.example.com/promo_db")]
    [InlineData("postgres://app_user:secret@db.example.com:0/promo_db")]
    [InlineData("postgres://app_user:secret@db.example.com/promo_db?sslmode=1")]
    public void FromUrl_WithAMalformedUrl_ThrowsAConfigurationExceptionNamingDatabaseUrl(string url)
    {
        var act = () => DatabaseConnection.FromUrl(url);

        act.Should().Throw<ConfigurationException>().WithMessage("*DATABASE_URL*");
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["ConnectionStrings:Postgres"] = "Host=localhost;Port=5432;Database=promostack;Username=postgres",
        ["Secrets:MasterKey"] = ValidMasterKey,
        ["Auth:Issuer"] = "https://clerk.example.com",
        ["Auth:AuthorizedParties"] = "https://admin.example.com",
        ["Cors:AllowedOrigins"] = "https://admin.example.com",
        ["App:PublicBaseUrl"] = "https://api.example.com",
    };

    private static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static void Validate(IDictionary<string, string?> settings, string environment = "Testing") =>
        StartupChecks.Validate(Configuration(settings), new TestHostEnvironment(environment));

    private static string Problems(IDictionary<string, string?> settings, string environment = "Testing")
    {
        var act = () => Validate(settings, environment);
        return act.Should().Throw<ConfigurationException>().Which.Message;
    }

    [Fact]
    public void FromUrl_WithAnIpv6Host_DropsTheBrackets()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.FromUrl("postgres://app_user:secret@[::1]:6543/promo_db"));

        builder.Host.Should().Be("::1");
        builder.Port.Should().Be(6543);
    }
}
