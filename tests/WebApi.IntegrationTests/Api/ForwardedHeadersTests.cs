using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PromoStack.Infrastructure.Configuration;
using PromoStack.WebApi.IntegrationTests.Audit;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

/// <summary>
/// Behind a load balancer that is not on this machine: the proxies named by <c>Proxies__KnownProxies</c> /
/// <c>Proxies__KnownNetworks</c> (and, for a chain, <c>Proxies__ForwardLimit</c>) give the client's address (what rate
/// limits and the audit log see) and the scheme (HSTS in Production); a peer not named gives nothing.
/// </summary>
public sealed class ForwardedHeadersTests(AppFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>The load balancer, on the deployment's private network.</summary>
    private static readonly IPAddress Balancer = IPAddress.Parse("10.1.2.3");

    private const string Client = "203.0.113.7";

    private const string Cdn = "198.51.100.20";

    [Fact]
    public async Task ABalancerOnAKnownNetwork_NamesTheClient()
    {
        await using var app = App(new() { ["Proxies:KnownNetworks"] = "10.0.0.0/8" });

        (await AuditedAddressAsync(app, Client)).Should().Be(Client);
    }

    [Fact]
    public async Task TheSameBalancer_NotConfigured_IsTakenForTheClient_AndItsHeaderIgnored()
    {
        await using var app = App([]);

        (await AuditedAddressAsync(app, Client)).Should().Be(Balancer.ToString());
    }

    [Fact]
    public async Task ACdnInFrontOfTheBalancer_NeedsBothKnown_AndAForwardLimitOfTwo()
    {
        var chain = $"{Client}, {Cdn}";
        await using (var oneHop = App(new() { ["Proxies:KnownNetworks"] = "10.0.0.0/8", ["Proxies:KnownProxies"] = Cdn }))
        {
            (await AuditedAddressAsync(oneHop, chain)).Should().Be(Cdn, "one hop is taken unless configured");
        }

        await using (var unknownCdn = App(new() { ["Proxies:KnownNetworks"] = "10.0.0.0/8", ["Proxies:ForwardLimit"] = "2" }))
        {
            (await AuditedAddressAsync(unknownCdn, chain)).Should().Be(Cdn, "a hop that is not a known proxy names nobody");
        }

        await using var twoHops = App(new() { ["Proxies:KnownNetworks"] = "10.0.0.0/8", ["Proxies:KnownProxies"] = Cdn, ["Proxies:ForwardLimit"] = "2" });
        (await AuditedAddressAsync(twoHops, chain)).Should().Be(Client);
    }

    [Fact]
    public async Task InProduction_TlsEndedAtAKnownBalancer_StillGetsHsts()
    {
        await using var known = App(Production(("Proxies:KnownNetworks", "10.0.0.0/8")), "Production");
        await using var unknown = App(Production(), "Production");

        (await HstsAsync(known)).Should().Contain("max-age=");
        (await HstsAsync(unknown)).Should().BeNull("without a known proxy the request is plain http, where HSTS means nothing");
    }

    [Fact]
    public async Task AForwardLimitBelowOne_StopsTheStart_NamingTheSetting()
    {
        await using var app = App(new() { ["Proxies:KnownNetworks"] = "10.0.0.0/8", ["Proxies:ForwardLimit"] = "0" });

        var start = () => app.Server;

        start.Should().Throw<Exception>().Which.ToString().Should().Contain(nameof(ConfigurationException)).And.Contain("Proxies__ForwardLimit");
    }

    private PromoStackFactory App(Dictionary<string, string?> overrides, string environment = "Testing") => new(Identity, overrides, environment)
    {
        ConfigureServices = services => services.AddTransient<IStartupFilter, BalancerPeer>(),
    };

    private static Dictionary<string, string?> Production(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://promostack.test", ["Auth:Issuer"] = "https://example.clerk.accounts.dev" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The address the audit log records for an admin's change sent with <paramref name="forwardedFor"/>.</summary>
    private async Task<string?> AuditedAddressAsync(PromoStackFactory app, string forwardedFor)
    {
        await TestDatabase.ResetAsync();
        var admin = await Given.TenantAsync(app, Identity, "user_alpha_admin", "alpha");
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);

        var entry = await AuditRows.OfAsync(() => admin.PutAsJsonAsync("/api/tenant", new { name = "Alpha Signals", timezone = "UTC" }));

        return entry.ClientAddress;
    }

    /// <summary>The HSTS header of an answer to https://api.promostack.test ended at the balancer (the app sees http).</summary>
    private static async Task<string?> HstsAsync(PromoStackFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://api.promostack.test") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null;
    }

    /// <summary>Every request arrives from the load balancer's address (the test server has none of its own).</summary>
    private sealed class BalancerPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = Balancer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
