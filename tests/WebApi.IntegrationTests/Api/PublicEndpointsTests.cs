using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

/// <summary>The public endpoints: the real client address behind known proxies only, limits per client and per tenant, CORS for each tenant's own sites.</summary>
public sealed class PublicEndpointsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ASignedInUserOfAnotherWorkspace_CallingAPublicRoute_IsServedAsAnyone()
    {
        var beta = await NewTenantAsync("beta");
        await NewTenantAsync("alpha");

        var entry = await beta.Client.PostAsJsonAsync("/api/public/alpha/campaigns/999/entries", new { email = "a@example.com" });
        var checkout = await beta.Client.PostAsJsonAsync("/api/public/alpha/checkout", new { email = "a@example.com", plan = "monthly" });

        await entry.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await checkout.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/public/%20/checkout")]
    [InlineData("/api/public/%20/campaigns/1/entries")]
    [InlineData("/api/public/Not%20A%20Slug/checkout")]
    [InlineData("/api/stripe/webhook/%20")]
    public async Task ARouteNamingNoPossibleTenant_IsNotFound_NeverAServerError(string path)
    {
        var response = await Factory.CreateClient().PostAsJsonAsync(path, new { email = "a@example.com", plan = "monthly" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BehindAKnownProxy_EachRealClientHasItsOwnLimit()
    {
        await using var app = App(new() { ["Proxies:KnownProxies"] = "127.0.0.1", ["PublicEndpoints:PerClientPerMinute"] = "2" });
        await OnboardAsync(app, "alpha");

        var first = await StatusesAsync(app, "alpha", 3, forwardedFor: "203.0.113.7");
        var second = await StatusesAsync(app, "alpha", 1, forwardedFor: "198.51.100.9");

        first.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        second.Should().Equal(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AForwardedForHeaderFromAnUnknownProxy_IsIgnored_SoAClientCannotRotateItsWayPastTheLimit()
    {
        await using var app = App(new() { ["PublicEndpoints:PerClientPerMinute"] = "2" });
        await OnboardAsync(app, "alpha");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.AddRange(await StatusesAsync(app, "alpha", 1, forwardedFor: $"203.0.113.{i}"));
        }

        statuses.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AllClientsTogether_AreLimitedPerTenant_AndAnotherTenantIsNotAffected()
    {
        await using var app = App(new() { ["Proxies:KnownProxies"] = "127.0.0.1", ["PublicEndpoints:PerTenantPerMinute"] = "3" });
        await OnboardAsync(app, "alpha");
        await OnboardAsync(app, "beta");

        var alpha = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            alpha.AddRange(await StatusesAsync(app, "alpha", 1, forwardedFor: $"203.0.113.{i}"));
        }

        alpha.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        (await StatusesAsync(app, "beta", 1, forwardedFor: "203.0.113.50")).Should().Equal(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OneFeaturesFlood_DoesNotSpendAnotherFeaturesBudget()
    {
        await using var app = App(new() { ["Proxies:KnownProxies"] = "127.0.0.1", ["PublicEndpoints:PerTenantPerMinute"] = "3" });
        await OnboardAsync(app, "alpha");

        var generator = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/alpha/coupons/templates");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            generator.Add((await app.CreateClient().SendAsync(request)).StatusCode);
        }

        generator.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        (await StatusesAsync(app, "alpha", 1, forwardedFor: "203.0.113.50")).Should().ContainSingle().Which.Should().Be(HttpStatusCode.NotFound, "campaign entries have a budget of their own");
    }

    [Fact]
    public async Task OneAddress_CyclingThroughTenantNames_GetsNoFreshBudget()
    {
        await using var app = App(new() { ["Proxies:KnownProxies"] = "127.0.0.1", ["PublicEndpoints:PerAddressPerMinute"] = "3", ["PublicEndpoints:PerClientPerMinute"] = "100" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.AddRange(await StatusesAsync(app, $"nobody-{i}", 1, forwardedFor: "203.0.113.7"));
        }

        statuses.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        (await StatusesAsync(app, "nobody-9", 1, forwardedFor: "198.51.100.9")).Should().ContainSingle().Which.Should().Be(HttpStatusCode.NotFound, "another address has its own budget");
    }

    [Fact]
    public async Task Cors_AllowsEachTenantsOwnSiteOrigins_AndNoOtherSite()
    {
        await using var app = App([]);
        var alpha = await OnboardAsync(app, "alpha");
        await OnboardAsync(app, "beta");
        (await alpha.PutAsJsonAsync("/api/tenant", new { name = "Alpha", timezone = "UTC", siteOrigins = new[] { "https://Alpha.example/" } })).EnsureSuccessStatusCode();

        (await PreflightAsync(app, "alpha", "https://alpha.example")).Should().Be("https://alpha.example");
        (await PreflightAsync(app, "alpha", "https://evil.example")).Should().BeNull();
        (await PreflightAsync(app, "beta", "https://alpha.example")).Should().BeNull("one tenant's site is not another's");
        (await (await alpha.GetAsync("/api/tenant")).JsonAsync()).GetProperty("siteOrigins")[0].GetString().Should().Be("https://alpha.example");
    }

    [Theory]
    [InlineData("https://alpha.example/checkout")]
    [InlineData("ftp://alpha.example")]
    [InlineData("alpha.example")]
    [InlineData("https://user@alpha.example")]
    public async Task ASiteOriginThatIsNoOrigin_Is400WithTheField(string origin)
    {
        await using var app = App([]);
        var alpha = await OnboardAsync(app, "alpha");

        await (await alpha.PutAsJsonAsync("/api/tenant", new { name = "Alpha", timezone = "UTC", siteOrigins = new[] { origin } })).ShouldHaveFieldErrorAsync("siteOrigins[0]");
    }

    private PromoStackFactory App(Dictionary<string, string?> overrides) => new(Identity, overrides)
    {
        // Kestrel on loopback sees the proxy (or the client) as 127.0.0.1; the test server sees no address at all.
        ConfigureServices = services => services.AddTransient<IStartupFilter, LoopbackPeer>(),
    };

    private async Task<HttpClient> OnboardAsync(PromoStackFactory app, string slug)
    {
        return await Given.TenantAsync(app, Identity, $"user_{slug}_admin", slug, name: slug);
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(PromoStackFactory app, string tenant, int count, string forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/{tenant}/campaigns/999/entries") { Content = JsonContent.Create(new { email = "a@example.com" }) };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await app.CreateClient().SendAsync(request)).StatusCode);
        }

        return statuses;
    }

    private static async Task<string?> PreflightAsync(PromoStackFactory app, string tenant, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"/api/public/{tenant}/checkout");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await app.CreateClient().SendAsync(request);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
