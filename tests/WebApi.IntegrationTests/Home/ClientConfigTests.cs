using System.Net;
using System.Net.Http.Headers;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Home;

/// <summary><c>GET /api/config</c>: the public configuration the admin app reads before anyone signs in.</summary>
public sealed class ClientConfigTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Anyone_GetsClerksFrontendApi_AndNoDevSignIn_OutsideDevelopment_CachedForAMinute()
    {
        var response = await Anonymous().GetAsync("/api/config");

        var config = await response.JsonAsync();
        config.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["clerkPublishableKey", "clerkFrontendApi", "devSignIn"], "nothing else, and nothing secret");
        config.GetProperty("clerkFrontendApi").GetString().Should().Be(Identity.Issuer.TrimEnd('/'));
        config.GetProperty("clerkPublishableKey").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "none is configured");
        config.GetProperty("devSignIn").GetBoolean().Should().BeFalse("the tests' app runs in the Testing environment");
        response.Headers.CacheControl.Should().Be(new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(1) });
    }

    [Fact]
    public async Task ATokenSentAlong_SignsNobodyIn()
    {
        var client = ClientWith(Identity.Token("user_stranger", "stranger@example.com"));

        (await client.GetAsync("/api/config")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM clerk_users")).Should().Be(0);
    }

    [Fact]
    public async Task InDevelopment_WithDevTokens_ItSaysSo_AndGivesThePublishableKey()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), $"promostack-config-{Guid.NewGuid():N}.pem");
        try
        {
            await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?>
            {
                ["Auth:DevTokens"] = "true", ["Auth:DevKeyPath"] = keyPath, ["Auth:PublishableKey"] = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
            }, "Development");

            var config = await (await app.CreateClient().GetAsync("/api/config")).JsonAsync();

            config.GetProperty("devSignIn").GetBoolean().Should().BeTrue();
            config.GetProperty("clerkPublishableKey").GetString().Should().Be("pk_test_Y2xlcmsuZXhhbXBsZS5jb20k");
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task TheHomeOperations_AreInTheOpenApiDocument_WithReadableIds_ForTheGeneratedClient()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        paths.GetProperty("/api/setup").GetProperty("get").GetProperty("operationId").GetString().Should().Be("setupGet");
        paths.GetProperty("/api/dashboard").GetProperty("get").GetProperty("operationId").GetString().Should().Be("dashboardGet");
        paths.GetProperty("/api/config").GetProperty("get").GetProperty("operationId").GetString().Should().Be("configGet");
        paths.GetProperty("/api/dev/sign-in").GetProperty("post").GetProperty("operationId").GetString().Should().Be("devSignIn");
        schemas.GetProperty("SetupItemDto").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Equal("key", "title", "done", "detail", "fixHint", "adminOnly", "optional");
        schemas.GetProperty("DashboardProblemDto").GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("kind", "severity", "message", "fix");
    }
}
