using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using PromoStack.Cli;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>The CLI verbs behind <c>./promostack dev-token</c> and <c>./promostack migrate</c>, run on the app's services.</summary>
public sealed class DevTokenTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"promostack-devtoken-{Guid.NewGuid():N}");

    private string KeyPath => Path.Combine(_keyDirectory, "dev-signing-key.pem");

    public override Task DisposeAsync()
    {
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task DevToken_InDevelopment_PrintsOneToken_AndCreatesTheTenantTheUserAndTheKey()
    {
        var run = await RunAsync("dev-token", "--tenant", "demo", "--role", "admin");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle().Which.Split('.').Should().HaveCount(3, "the line is a JWT");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants WHERE id = 'demo'")).Should().Be(1);
        (await TestDatabase.ScalarAsync<string>("SELECT role FROM tenant_users WHERE tenant_id = 'demo' AND clerk_user_id = 'dev_demo_admin'"))
            .Should().Be("admin");
        File.Exists(KeyPath).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(KeyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task DevToken_RunTwice_IsIdempotent()
    {
        var first = await RunAsync("dev-token", "--tenant", "demo", "--role", "admin");
        var key = await File.ReadAllTextAsync(KeyPath);
        var second = await RunAsync("dev-token", "--tenant", "demo", "--role", "admin");

        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(1);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users")).Should().Be(1);
        (await File.ReadAllTextAsync(KeyPath)).Should().Be(key, "the second run reuses the key");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM coupon_templates")).Should().Be(2, "the coupon demo is seeded once");
    }

    [Fact]
    public async Task DevToken_ForTheDemo_SetsUpTheCouponBotOffline_WithTwoSampleTemplates_ThatRenderThroughTheApi()
    {
        var token = await DevTokenAsync("demo", "admin");
        await using var factory = DevTokenFactory();
        var admin = Client(factory, token);

        (await TestDatabase.ScalarAsync<bool>("SELECT is_sandbox FROM tenant_bot_connections WHERE tenant_id = 'demo' AND bot_role = 'coupon_bot'")).Should().BeTrue();
        var settings = await (await admin.GetAsync("/api/coupons/settings")).JsonAsync();
        settings.GetProperty("validation").GetString().Should().Be("pattern");
        var templates = await (await admin.GetAsync("/api/coupons/templates")).JsonAsync();
        templates.GetArrayLength().Should().Be(2);
        var id = templates[0].GetProperty("id").GetInt32();
        var preview = await admin.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "square", code = "DEMO10" });
        preview.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        preview.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
    }

    [Fact]
    public async Task DevToken_InProduction_IsRefused_AndCreatesNothing()
    {
        var run = await RunInAsync("Production", ["dev-token", "--tenant", "demo", "--role", "admin"]);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("Development");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM clerk_users")).Should().Be(0);
        File.Exists(KeyPath).Should().BeFalse();
    }

    [Theory]
    [InlineData("--tenant", "demo", "--role", "owner")]
    [InlineData("--tenant", "demo", "--role", "7")]
    [InlineData("--role", "admin")]
    [InlineData("--tenant", "demo")]
    [InlineData("--tenant", "API", "--role", "admin")]
    [InlineData("--tenant", "api", "--role", "admin")]
    [InlineData("--tenant", "x", "--role", "admin")]
    public async Task DevToken_WithBadArguments_FailsAndCreatesNothing(params string[] arguments)
    {
        var run = await RunAsync(["dev-token", .. arguments]);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().BeEmpty();
        run.Error.Should().NotBeEmpty();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM clerk_users")).Should().Be(0);
    }

    [Fact]
    public async Task DevToken_IsAccepted_WhenTheAppTrustsDevTokens()
    {
        var token = await DevTokenAsync("demo", "admin");
        await using var factory = DevTokenFactory();

        var me = await (await Client(factory, token).GetAsync("/api/me")).JsonAsync();

        me.GetProperty("userId").GetString().Should().Be("dev_demo_admin");
        me.GetProperty("role").GetString().Should().Be("admin");
        me.GetProperty("tenant").GetProperty("id").GetString().Should().Be("demo");
    }

    [Fact]
    public async Task DevToken_IsRefused_WhenTheAppDoesNotTrustDevTokens()
    {
        var token = await DevTokenAsync("demo", "admin");

        var response = await ClientWith(token).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DevToken_SignedByAnotherDevKey_IsRefused()
    {
        var token = await DevTokenAsync("demo", "admin");
        var otherKey = Path.Combine(_keyDirectory, "other-key.pem");
        await using var factory = DevTokenFactory(otherKey);

        var response = await Client(factory, token).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DevToken_ForAMember_CanRead_ButCannotManageTheTenant()
    {
        var token = await DevTokenAsync("demo", "member");
        await using var factory = DevTokenFactory();
        var client = Client(factory, token);

        (await client.GetAsync("/api/tenant")).StatusCode.Should().Be(HttpStatusCode.OK);
        var response = await client.PutAsJsonAsync("/api/tenant", new { name = "Renamed", timezone = "UTC" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'demo'")).Should().Be("Demo");
    }

    [Fact]
    public async Task DevToken_ForAnAdmin_CanManageTheTenant()
    {
        var token = await DevTokenAsync("demo", "admin");
        await using var factory = DevTokenFactory();

        var response = await Client(factory, token).PutAsJsonAsync("/api/tenant", new { name = "Renamed", timezone = "UTC" });

        (await response.JsonAsync()).GetProperty("name").GetString().Should().Be("Renamed");
    }

    [Fact]
    public async Task Migrate_OnAMigratedDatabase_SaysItIsUpToDate()
    {
        var run = await RunAsync("migrate");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("up to date");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--tenant")]
    public async Task UnknownVerb_Returns2_AndPrintsTheUsage(string verb)
    {
        var run = await RunAsync(verb);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("usage");
    }

    [Fact]
    public async Task Help_Returns0()
    {
        var run = await RunAsync("help");

        run.ExitCode.Should().Be(0);
        run.Error.Should().Contain("dev-token");
    }

    [Fact]
    public async Task PlatformOperator_GrantThenRevoke_DecidesWhoMayListEveryTenant()
    {
        await NewTenantAsync("alpha");
        var ops = NewUser("user_ops");

        (await RunInAsync("Production", ["platform-operator", "grant", "user_ops"])).ExitCode.Should().Be(0);
        (await ops.Client.GetAsync("/api/platform/tenants")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await RunInAsync("Production", ["platform-operator", "grant", "user_ops"])).Output.Should().Contain("unchanged");

        (await RunInAsync("Production", ["platform-operator", "revoke", "user_ops"])).ExitCode.Should().Be(0);
        (await ops.Client.GetAsync("/api/platform/tenants")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("platform-operator", "promote", "user_ops")]
    [InlineData("platform-operator", "grant")]
    [InlineData("platform-operator", "grant", "")]
    public async Task PlatformOperator_WithBadArguments_FailsAndGrantsNothing(params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().NotBe(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM platform_operators")).Should().Be(0);
    }

    [Fact]
    public async Task TheDevelopmentKey_CannotSignInARealUser_NorVouchForTheClerkIssuer()
    {
        await RunAsync("dev-token", "--tenant", "demo", "--role", "admin");
        var devKey = PromoStack.Infrastructure.Identity.DevTokens.LoadOrCreateKey(KeyPath);
        await using var app = DevTokenFactory();

        var realUser = PromoStack.Infrastructure.Identity.DevTokens.Create(devKey, "user_real_clerk_id", "ceo@example.com", DateTimeOffset.UtcNow);
        var clerkIssued = Identity.Token("dev_demo_admin", signingKey: devKey);

        (await Client(app, realUser).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Client(app, clerkIssued).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private sealed record CliRun(int ExitCode, string Output, string Error);

    private Task<CliRun> RunAsync(params string[] args) => RunInAsync("Development", args);

    private async Task<CliRun> RunInAsync(string environment, string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:DevKeyPath"] = KeyPath })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Verbs.RunAsync(args, Factory.Services, new TestHostEnvironment(environment), configuration, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private async Task<string> DevTokenAsync(string tenant, string role)
    {
        var run = await RunAsync("dev-token", "--tenant", tenant, "--role", role);
        run.ExitCode.Should().Be(0, run.Error);
        return run.Output.Trim();
    }

    private PromoStackFactory DevTokenFactory(string? keyPath = null) => new(
        Identity,
        new Dictionary<string, string?> { ["Auth:DevTokens"] = "true", ["Auth:DevKeyPath"] = keyPath ?? KeyPath },
        environment: "Development");

    private static HttpClient Client(PromoStackFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
