using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using PromoStack.Cli;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using PromoStack.WebApi.IntegrationTests.Startup;

namespace PromoStack.WebApi.IntegrationTests.Dev;

/// <summary>
/// <c>POST /api/dev/sign-in</c>: in Development with dev tokens on, a token for the demo tenant's dev admin or member,
/// made as <c>./promostack dev-token</c> makes it; anywhere else the route does not exist.
/// </summary>
public sealed class DevSignInTests(AppFixture fixture, ClassApp classApp, DevSignInTests.DevKey key)
    : IntegrationTest(fixture), IClassFixture<ClassApp>, IClassFixture<DevSignInTests.DevKey>
{
    private string KeyPath => key.Path;

    private PromoStackFactory App => classApp.ForTest(() => Development(devTokens: true, perClientPerMinute: 1000));

    [Theory]
    [InlineData("admin")]
    [InlineData("member")]
    public async Task SignIn_GivesATokenForTheDemoTenantsDevUser_WithThatRole(string role)
    {
        var token = await SignInAsync(App, role);

        var me = await (await Client(App, token).GetAsync("/api/me")).JsonAsync();
        me.GetProperty("userId").GetString().Should().Be($"dev_demo_{role}");
        me.GetProperty("role").GetString().Should().Be(role);
        me.GetProperty("tenant").GetProperty("id").GetString().Should().Be("demo");
        var rename = await Client(App, token).PutAsJsonAsync("/api/tenant", new { name = "Renamed", timezone = "UTC" });
        rename.StatusCode.Should().Be(role == "admin" ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections WHERE tenant_id = 'demo' AND is_sandbox")).Should().Be(2, "the demo's sandbox bots");
    }

    [Fact]
    public async Task TheToken_IsMintedAsTheDevTokenVerbMintsIt_WithTheSameKey()
    {
        var web = new JsonWebToken(await SignInAsync(App, "admin"));
        var cli = new JsonWebToken(await CliTokenAsync());

        web.Issuer.Should().Be(cli.Issuer).And.Be("promostack-dev");
        web.Subject.Should().Be(cli.Subject).And.Be("dev_demo_admin");
        web.GetClaim("email").Value.Should().Be(cli.GetClaim("email").Value);
        web.Kid.Should().Be(cli.Kid);
        (web.ValidTo - web.IssuedAt).Should().Be(cli.ValidTo - cli.IssuedAt).And.Be(TimeSpan.FromHours(12));
        (await Client(App, cli.EncodedToken).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK, "both are signed with the key the app trusts");
    }

    [Fact]
    public async Task SigningInAgain_CreatesNothingNew_AndGivesADevUserWhoseRoleWasChanged_ItsRoleBack()
    {
        await SignInAsync(App, "admin");
        await SignInAsync(App, "member");
        await TestDatabase.ExecuteAsync("UPDATE tenant_users SET role = 'admin' WHERE clerk_user_id = 'dev_demo_member'");

        var token = await SignInAsync(App, "member");

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(1);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users")).Should().Be(2);
        (await TestDatabase.ScalarAsync<string>("SELECT role FROM tenant_users WHERE clerk_user_id = 'dev_demo_member'")).Should().Be("member");
        (await (await Client(App, token).GetAsync("/api/me")).JsonAsync()).GetProperty("role").GetString().Should().Be("member");
    }

    [Theory]
    [InlineData("""{"role":"owner"}""")]
    [InlineData("""{"role":7}""")]
    [InlineData("""{}""")]
    [InlineData("""{"role":null}""")]
    public async Task ABadRole_Is400_AndCreatesNothing(string body)
    {
        var response = await App.CreateClient().PostAsync("/api/dev/sign-in", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync("role");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
    }

    [Fact]
    public async Task OutsideDevelopment_TheRouteDoesNotExist_WhateverTheBody()
    {
        // The collection's app runs in the Testing environment without dev tokens, as any deployment does.
        var client = Anonymous();

        var good = await client.PostAsJsonAsync("/api/dev/sign-in", new { role = "admin" });
        var bad = await client.PostAsync("/api/dev/sign-in", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await client.PostAsJsonAsync("/api/dev/no-such-route", new { role = "admin" });

        var problem = await good.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await bad.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var none = await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().Should().Be(none.GetProperty("title").GetString(), "it answers as a route that does not exist");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users")).Should().Be(0);
    }

    [Fact]
    public async Task InDevelopment_WithoutDevTokens_TheRouteDoesNotExist()
    {
        await using var app = Development(devTokens: false);

        var response = await app.CreateClient().PostAsJsonAsync("/api/dev/sign-in", new { role = "admin" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
    }

    [Fact]
    public async Task ItIsRateLimited_LikeThePublicEndpoints()
    {
        await using var app = Development(devTokens: true, perClientPerMinute: 2);
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 3; call++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/dev/sign-in", new { role = "member" })).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    private PromoStackFactory Development(bool devTokens, int? perClientPerMinute = null)
    {
        var settings = new Dictionary<string, string?> { ["Auth:DevTokens"] = devTokens ? "true" : "false", ["Auth:DevKeyPath"] = KeyPath };
        if (perClientPerMinute is { } limit)
        {
            settings["PublicEndpoints:PerClientPerMinute"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new PromoStackFactory(Identity, settings, environment: "Development");
    }

    private static async Task<string> SignInAsync(PromoStackFactory app, string role)
    {
        var signedIn = await (await app.CreateClient().PostAsJsonAsync("/api/dev/sign-in", new { role })).JsonAsync();
        signedIn.EnumerateObject().Select(p => p.Name).Should().Equal("token");
        return signedIn.GetProperty("token").GetString()!;
    }

    private async Task<string> CliTokenAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:DevKeyPath"] = KeyPath }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Verbs.RunAsync(["dev-token", "--tenant", "demo", "--role", "admin"], App.Services, new TestHostEnvironment("Development"), configuration, output, error);
        exitCode.Should().Be(0, error.ToString());
        return output.ToString().Trim();
    }

    private static HttpClient Client(PromoStackFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The development key of the class's apps and of the CLI: one file for all its tests, removed after the last.</summary>
    public sealed class DevKey : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"promostack-devsignin-{Guid.NewGuid():N}.pem");

        public void Dispose() => File.Delete(Path);
    }
}
