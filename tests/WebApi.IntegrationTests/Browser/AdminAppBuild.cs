using System.Diagnostics;
using PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// The admin app the browser tests load: the checkout's production build, <c>web/dist</c>, built again (once per test
/// run) when it is missing or older than the app's sources, so that no test drives yesterday's app. <c>./promostack
/// test</c> builds it first, so there it is always fresh; a bare <c>dotnet test</c> after editing <c>web/</c> builds it here.
/// </summary>
public static class AdminAppBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The files whose change changes the build (the sources under <c>src/</c> are added to these).</summary>
    private static readonly string[] BuildFiles = ["index.html", "package.json", "package-lock.json", "tsconfig.json", "vite.config.ts"];

    private static readonly Lazy<string> Build = new(BuildIfStale);

    /// <summary>The build's folder, up to date with <c>web/</c>; throws saying why when it cannot be built.</summary>
    public static string Find() => Build.Value;

    private static string BuildIfStale()
    {
        var web = System.IO.Path.Combine(RepositoryRoot.Path, "web");
        var build = System.IO.Path.Combine(web, "dist");
        var index = new FileInfo(System.IO.Path.Combine(build, "index.html"));
        var newestSource = BuildFiles.Select(f => new FileInfo(System.IO.Path.Combine(web, f)))
            .Concat(new DirectoryInfo(System.IO.Path.Combine(web, "src")).EnumerateFiles("*", SearchOption.AllDirectories))
            .Where(f => f.Exists)
            .Max(f => f.LastWriteTimeUtc);
        if (index.Exists && index.LastWriteTimeUtc >= newestSource)
        {
            return build;
        }

        if (!Directory.Exists(System.IO.Path.Combine(web, "node_modules")))
        {
            throw new InvalidOperationException(
                $"The admin app's build ({build}) is missing or older than its sources, and its packages are not installed: run npm ci and npm run build in web/ (./promostack test does both).");
        }

        RunNpmBuild(web);
        return File.Exists(index.FullName)
            ? build
            : throw new InvalidOperationException($"npm run build in {web} wrote no {index.FullName}.");
    }

    private static void RunNpmBuild(string web)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("build");
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(BuildTimeout))
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"npm run build in {web} took more than {BuildTimeout.TotalMinutes} minutes.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm run build in {web} failed (exit code {npm.ExitCode}):{Environment.NewLine}{output.Result}{Environment.NewLine}{errors.Result}");
        }
    }
}
