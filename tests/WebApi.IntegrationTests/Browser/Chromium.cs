namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// The Chromium the browser tests drive: Debian's <c>chromium</c> package (Playwright's own browser download is not
/// used). Missing, the tests fail saying how to install it; they are never skipped.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>The path of the Chromium executable; throws saying how to install it when there is none.</summary>
    public static string Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "chromium"));
        return Candidates.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"The browser tests need Chromium and found none ({string.Join(", ", Candidates)} or chromium on PATH). " +
                "Install it with `apt-get install -y chromium`; `./promostack test` does so when it is missing.");
    }
}
