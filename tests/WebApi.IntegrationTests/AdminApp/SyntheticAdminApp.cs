using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.AdminApp;

/// <summary>A stand-in for the admin app's build — its page and one hashed asset — in a temporary folder, for an app under test to serve.</summary>
public sealed class SyntheticAdminApp : IDisposable
{
    public const string Asset = "/app/assets/index-3f9a1c.js";

    public SyntheticAdminApp()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "assets"));
        File.WriteAllText(
            System.IO.Path.Combine(Path, "index.html"),
            $"<!doctype html><html><body><div id=\"root\"></div><script type=\"module\" src=\"{Asset}\"></script></body></html>");
        File.WriteAllText(System.IO.Path.Combine(Path, "assets", "index-3f9a1c.js"), "console.log('app');");
    }

    /// <summary>The build's folder.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("promostack-app-").FullName;

    /// <summary>An app that serves this build at <c>/app</c>.</summary>
    public PromoStackFactory Serve(TestIdentityProvider identity) => new(identity, new Dictionary<string, string?> { ["AdminApp:Path"] = Path });

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
