using System.Diagnostics;
using Microsoft.Playwright;

namespace PromoStack.Benchmarks;

/// <summary>
/// The admin app's home screen in a real browser (Debian's Chromium through Playwright), served by the published API:
/// each run is a first visit (a new browser context: nothing cached) — open <c>/app</c>, sign in as the demo admin,
/// wait for the home screen's figures — then a move to another screen and back to Home in the same session.
/// </summary>
internal static class AppBench
{
    private const string HomeFigure = "VIP members";

    public static async Task RunAsync(string apiUrl, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : "/usr/bin/chromium-browser",
            Args = ["--no-sandbox"],
        });

        // The first sign-in makes the demo workspace and its data; it is not measured.
        await VisitAsync(browser, apiUrl);
        var visits = new List<Visit>();
        for (var run = 0; run < runs; run++)
        {
            visits.Add(await VisitAsync(browser, apiUrl));
        }

        Console.WriteLine($"Admin app, {runs} first visits (nothing cached), 1280×800, home screen until its figures show:");
        Report("  /app → sign-in screen ready", visits.Select(v => v.SignInReady));
        Report("  sign-in click → home figures", visits.Select(v => v.Home));
        Report("  /app → home figures (total) ", visits.Select(v => v.SignInReady + v.Home));
        Report("  back to Home from a screen  ", visits.Select(v => v.BackHome));
        Console.WriteLine($"  JavaScript fetched on a first visit: {visits[^1].ScriptBytes / 1024.0:F0} kB (as sent, compressed when the server compresses)");
        Console.WriteLine("  The API calls of the sign-in and the home screen (median over the visits, ms):");
        foreach (var call in visits.SelectMany(v => v.Calls).GroupBy(c => c.What).OrderBy(g => g.Min(c => c.Started)))
        {
            var times = call.Select(c => c.Took).Order().ToArray();
            Console.WriteLine($"    {call.Key,-28} starts at {call.Select(c => c.Started).Order().ElementAt(times.Length / 2),5:F0}, takes {times[times.Length / 2],5:F0}");
        }
    }

    private static async Task<Visit> VisitAsync(IBrowser browser, string apiUrl)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        try
        {
            return await MeasureAsync(page, apiUrl);
        }
        catch (TimeoutException)
        {
            var screenshot = Path.Combine(Path.GetTempPath(), "promostack-appbench.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            Console.Error.WriteLine($"The app did not show what the bench waits for; the page is in {screenshot}. It says:\n{await page.InnerTextAsync("body")}");
            Console.Error.WriteLine(string.Join('\n', console));
            throw;
        }
    }

    private static async Task<Visit> MeasureAsync(IPage page, string apiUrl)
    {
        long scriptBytes = 0;
        var calls = new List<Call>();
        long clicked = 0;
        page.RequestFinished += (_, request) =>
        {
            if (Interlocked.Read(ref clicked) != 0 && request.Url.Contains("/api/", StringComparison.Ordinal))
            {
                var started = Stopwatch.GetElapsedTime(Interlocked.Read(ref clicked)).TotalMilliseconds - request.Timing.ResponseEnd;
                lock (calls)
                {
                    calls.Add(new Call($"{request.Method} {new Uri(request.Url).AbsolutePath}", started, request.Timing.ResponseEnd));
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "script" && response.Headers.TryGetValue("content-length", out var length) && long.TryParse(length, out var bytes))
            {
                Interlocked.Add(ref scriptBytes, bytes);
            }
        };

        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"{apiUrl}/app/");
        var signIn = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in as demo admin" });
        await signIn.WaitForAsync();
        var signInReady = clock.Elapsed;

        clock.Restart();
        Interlocked.Exchange(ref clicked, Stopwatch.GetTimestamp());
        await signIn.ClickAsync();
        await page.GetByText(HomeFigure, new PageGetByTextOptions { Exact = true }).WaitForAsync();
        var home = clock.Elapsed;
        List<Call> signInCalls;
        lock (calls)
        {
            signInCalls = [.. calls];
        }

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Signals", Exact = true }).First.ClickAsync();
        await page.GetByText(HomeFigure, new PageGetByTextOptions { Exact = true }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        clock.Restart();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Home", Exact = true }).First.ClickAsync();
        await page.GetByText(HomeFigure, new PageGetByTextOptions { Exact = true }).WaitForAsync();
        return new Visit(signInReady, home, clock.Elapsed, scriptBytes, signInCalls);
    }

    private static void Report(string what, IEnumerable<TimeSpan> times)
    {
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine($"{what}: p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {sorted[^1]:F0} ms");
    }

    private sealed record Visit(TimeSpan SignInReady, TimeSpan Home, TimeSpan BackHome, long ScriptBytes, IReadOnlyList<Call> Calls);

    /// <summary>An API call after the sign-in click: when it started and how long it took to its last byte, in ms.</summary>
    private sealed record Call(string What, double Started, double Took);
}
