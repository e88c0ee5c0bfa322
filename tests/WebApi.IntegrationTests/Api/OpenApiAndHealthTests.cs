using System.Net;
using System.Text.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

public sealed class OpenApiAndHealthTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Live_Returns200_WithoutAToken()
    {
        var response = await Anonymous().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_OnAMigratedDatabase_Returns200Healthy()
    {
        var response = await Anonymous().GetAsync("/health/ready");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var report = System.Text.Json.JsonDocument.Parse(body).RootElement;
        report.GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("checks").EnumerateArray().Should().OnlyContain(c => c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(
        [
            "/api/me", "/api/tenants", "/api/tenant", "/api/tenant/users", "/api/tenant/users/{id}", "/api/platform/tenants",
        ]);
        Operations(document, "/api/tenant").Should().Contain(["get", "put"]);
        Operations(document, "/api/tenant/users").Should().Contain(["get", "post"]);
        Operations(document, "/api/tenant/users/{id}").Should().Contain(["patch", "delete"]);
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueReadableOperationId_ForAGeneratedClient()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

        var ids = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            .Select(operation => operation.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null)
            .ToList();

        ids.Should().HaveCountGreaterThan(50).And.OnlyContain(id => id != null && System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][A-Za-z0-9]+$"));
        ids.Should().OnlyHaveUniqueItems();
        ids.Should().Contain(["couponsGetSettings", "importGet", "signalsListSignals"]);
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheBearerScheme()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        bearer.GetProperty("type").GetString().Should().Be("http");
        bearer.GetProperty("scheme").GetString().Should().Be("bearer");
        document.GetProperty("security").EnumerateArray().Select(requirement => requirement.EnumerateObject().Select(p => p.Name))
            .Should().ContainSingle(names => names.Contains("Bearer"), "the document requires the scheme");
    }

    [Fact]
    public async Task Docs_ServeTheApiReferencePage()
    {
        var response = await Anonymous().GetAsync("/docs");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        body.Should().ContainEquivalentOf("<html");
    }

    [Fact]
    public async Task Cors_PreflightFromTheAdminApp_IsAllowed()
    {
        var response = await PreflightAsync(TestIdentityProvider.AuthorizedParty);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins).Should().BeTrue(response.ToString());
        origins.Should().Equal(TestIdentityProvider.AuthorizedParty);
    }

    [Fact]
    public async Task Cors_PreflightFromAnotherOrigin_GetsNoAllowOrigin()
    {
        var response = await PreflightAsync("https://evil.example");

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse(response.ToString());
    }

    [Fact]
    public async Task Cors_SimpleRequestFromTheAdminApp_CarriesAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", TestIdentityProvider.AuthorizedParty);

        var response = await Anonymous().SendAsync(request);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins).Should().BeTrue(response.ToString());
        origins.Should().Equal(TestIdentityProvider.AuthorizedParty);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404_EvenWhenSignedIn()
    {
        var user = NewUser("user_lost");

        var response = await user.Client.GetAsync("/api/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/me");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await Anonymous().SendAsync(request);
    }

    private static List<string> Operations(JsonElement document, string path) =>
        document.GetProperty("paths").GetProperty(path).EnumerateObject().Select(o => o.Name).ToList();
}
