using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// What a browser test class shares: one headless Chromium (each test opens its own context in it) and one app
/// listening on a real socket on 127.0.0.1 (a free port), serving the built admin app at <c>/app</c>. The app is
/// started by the class's first test, as <see cref="ClassApp"/> does, and forgets what it cached of the database
/// wiped before each test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PromoStackFactory? _app;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var executable = Chromium.Find();
        // A page that loads a lazy screen and then its data takes a few seconds on a busy 2-core machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // The tests run as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>The class's app for the next test, created by <paramref name="create"/> and started on Kestrel the first time.</summary>
    public PromoStackFactory AppFor(Func<PromoStackFactory> create)
    {
        if (_app is null)
        {
            var app = create();
            app.UseKestrel(0);
            app.StartServer();
            _app = app;
        }

        IntegrationTest.ForgetTheWipedDatabase(_app);
        return _app;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
