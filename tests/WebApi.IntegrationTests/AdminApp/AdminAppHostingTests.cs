using System.Net;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.AdminApp;

/// <summary>The admin app served at /app from a build: hashed assets cached for ever, the page never, the app's routes on reload.</summary>
public sealed class AdminAppHostingTests(AppFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly SyntheticAdminApp _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public async Task ThePage_IsNeverCached_AndTheAppsRoutesAnswerWithIt_OnReload()
    {
        await using var app = App();
        var client = app.CreateClient();

        foreach (var path in new[] { "/app", "/app/", "/app/signals/42", "/app/journeys/new" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).Should().Contain("<div id=\"root\">", path);
            response.Headers.CacheControl!.NoCache.Should().BeTrue(path);
        }
    }

    [Fact]
    public async Task HashedAssets_AreCachedForAYear_AndAMissingOneIsA404_NotThePage()
    {
        await using var app = App();
        var client = app.CreateClient();

        var asset = await client.GetAsync(SyntheticAdminApp.Asset);
        asset.StatusCode.Should().Be(HttpStatusCode.OK);
        asset.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        asset.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        (await client.GetAsync("/app/assets/gone-000000.js")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the API is untouched by the app's fallback");
    }

    [Fact]
    public async Task WithoutABuild_TheAppSaysHowToBuildIt()
    {
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["AdminApp:Path"] = Path.Combine(_build.Path, "nothing-here") });

        var response = await app.CreateClient().GetAsync("/app/signals");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("./promostack run");
    }

    private PromoStackFactory App() => _build.Serve(Identity);
}
