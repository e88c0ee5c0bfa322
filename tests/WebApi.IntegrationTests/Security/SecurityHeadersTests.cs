using System.Net;
using PromoStack.WebApi.IntegrationTests.AdminApp;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Security;

/// <summary>
/// Every response carries the browser-side defences, whoever answered it; the admin app's page carries its
/// Content-Security-Policy; the API reference is not published in Production unless configured.
/// </summary>
public sealed class SecurityHeadersTests(AppFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly SyntheticAdminApp _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public async Task AnApiAnswer_AProblem_A404_ThePage_AndAnAsset_AllCarryTheHeaders()
    {
        await using var app = App();
        var client = app.CreateClient();
        var admin = await Given.TenantAsync(app, Identity, "user_alpha_admin");

        foreach (var response in new[]
                 {
                     await admin.GetAsync("/api/me"), await client.GetAsync("/api/me"), await client.GetAsync("/api/nothing-here"),
                     await client.GetAsync("/app/"), await client.GetAsync(SyntheticAdminApp.Asset), await client.GetAsync("/health/ready"),
                 })
        {
            var what = $"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
            Header(response, "X-Content-Type-Options").Should().Be("nosniff", what);
            Header(response, "X-Frame-Options").Should().Be("DENY", what);
            Header(response, "Referrer-Policy").Should().Be("strict-origin-when-cross-origin", what);
            Header(response, "Content-Security-Policy").Should().Contain("frame-ancestors 'none'", what);
            response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is for Production, behind TLS");
        }

        var page = Header(await client.GetAsync("/app/signals"), "Content-Security-Policy");
        page.Should().Contain("default-src 'self'").And.Contain("script-src 'self'").And.NotContain("unsafe-eval");
        page.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
    }

    [Fact]
    public async Task InProduction_TheApiReferenceIsNotPublished_UnlessConfigured()
    {
        await using (var production = new PromoStackFactory(Identity, Production(), "Production"))
        {
            var client = production.CreateClient();
            (await client.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetAsync("/docs")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        await using var published = new PromoStackFactory(Identity, Production(("Api:PublishReference", "true")), "Production");
        (await published.CreateClient().GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await published.CreateClient().GetAsync("/docs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Dictionary<string, string?> Production(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://promostack.test", ["Auth:Issuer"] = "https://example.clerk.accounts.dev" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : string.Empty;

    private PromoStackFactory App() => _build.Serve(Identity);
}
