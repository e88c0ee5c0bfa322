using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.WebApi.AdminApp;

/// <summary><c>AdminApp__Path</c>: the built admin app (<c>web/dist</c>); by default the published app's <c>app</c> folder, else the repository's <c>web/dist</c>.</summary>
public sealed class AdminAppOptions
{
    public const string Section = "AdminApp";

    public string? Path { get; set; }
}

/// <summary>
/// Serves the admin app (the SPA in <c>web/</c>) at <c>/app</c>: its hashed assets (<c>/app/assets/…</c>) cached for a
/// year as immutable, <c>index.html</c> never cached (a deploy is seen at the next load), and any other path without a
/// file extension answered with <c>index.html</c> so the app's own routes work on reload. A missing asset is a 404,
/// never the page. Without a build the app's paths answer 503 saying how to build it. Every one of these is an endpoint
/// open to anyone (the app is public code; its data comes from the API, which asks for sign-in), so the fallback
/// authorization policy never sees them, wherever they sit in the pipeline. The app's responses carry its
/// Content-Security-Policy (<see cref="AdminAppContentSecurityPolicy"/>).
/// </summary>
public static class AdminAppHosting
{
    public const string BasePath = "/app";

    public static void MapAdminApp(this WebApplication app)
    {
        if (Root(app) is not { } root)
        {
            app.MapGet($"{BasePath}/{{**path}}", () => Results.Problem(
                    "The admin app is not built: `./promostack run` builds it (web/), or set AdminApp__Path to a build.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Admin app not built"))
                .ExcludeFromDescription()
                .AllowAnonymous();
            return;
        }

        var policy = AdminAppContentSecurityPolicy.For(app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>());
        var files = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = BasePath,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments($"{BasePath}/assets") ? "public, max-age=31536000, immutable" : "no-cache";
                headers.ContentSecurityPolicy = policy;
            },
        };

        // The build's files as an endpoint of their own (GET and HEAD), served as UseStaticFiles would serve them: it
        // serves only a request that no endpoint claimed, hence the endpoint stepping aside first. A missing file is a 404.
        var assets = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        assets.Use((context, next) =>
        {
            context.SetEndpoint(null);
            return next(context);
        });
        assets.UseStaticFiles(files);
        app.MapMethods($"{BasePath}/{{**path:file}}", [HttpMethods.Get, HttpMethods.Head], assets.Build())
            .WithDisplayName("Admin app files")
            .ExcludeFromDescription()
            .AllowAnonymous();
        app.MapFallbackToFile(BasePath, "app/index.html", files).AllowAnonymous();
        app.MapFallbackToFile($"{BasePath}/{{**path:nonfile}}", "app/index.html", files).AllowAnonymous();
    }

    private static string? Root(WebApplication app)
    {
        var configured = app.Configuration.GetSection(AdminAppOptions.Section).Get<AdminAppOptions>()?.Path;
        if (configured is { Length: > 0 })
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }

        var published = Path.Combine(AppContext.BaseDirectory, "app");
        if (File.Exists(Path.Combine(published, "index.html")))
        {
            return published;
        }

        for (var directory = new DirectoryInfo(app.Environment.ContentRootPath); directory is not null; directory = directory.Parent)
        {
            var build = Path.Combine(directory.FullName, "web", "dist");
            if (File.Exists(Path.Combine(build, "index.html")))
            {
                return build;
            }
        }

        return null;
    }
}
