using PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>The admin app the browser tests load: the checkout's production build, <c>web/dist</c>.</summary>
public static class AdminAppBuild
{
    /// <summary>The build's folder; throws saying how to build it when there is none.</summary>
    public static string Find()
    {
        var build = System.IO.Path.Combine(RepositoryRoot.Path, "web", "dist");
        return File.Exists(System.IO.Path.Combine(build, "index.html"))
            ? build
            : throw new InvalidOperationException(
                $"The admin app is not built ({build} has no index.html): run npm run build in web/ (./promostack test does it).");
    }
}
