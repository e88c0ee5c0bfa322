using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// A test of the admin app in a real browser, through the real API and database (with the fake Bot API, and a fake
/// market-data provider where a class needs one, behind it): each test opens its pages in contexts of its own, on a phone or a desktop screen, and signs in
/// by pasting a session token as a user would. An uncaught script error on any page fails the test.
/// </summary>
public abstract partial class BrowserTest(AppFixture fixture, BrowserFixture browser) : IntegrationTest(fixture), IClassFixture<BrowserFixture>
{
    /// <summary>The founder, and so the admin, of the tenant <see cref="TenantAsync"/> makes.</summary>
    protected const string AdminId = "user_browser_admin";

    /// <summary>The member (no admin rights) <see cref="MemberAsync"/> invites.</summary>
    protected const string MemberId = "user_browser_member";

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
    };

    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _pageErrors = [];

    protected PromoStackFactory App { get; private set; } = null!;

    /// <summary>Configuration of the class's app beyond the tests' usual one (e.g. a fake market-data server).</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    /// <summary>Whether the class's app runs in Development (the sandbox chat, the dev sign-in) rather than as the tests' usual "Testing".</summary>
    protected virtual bool InDevelopment => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = browser.AppFor(() => new PromoStackFactory(Identity, new Dictionary<string, string?>(Overrides) { ["AdminApp:Path"] = AdminAppBuild.Find() },
            environment: InDevelopment ? "Development" : "Testing",
            telegram: Telegram));
    }

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await base.DisposeAsync();
        _pageErrors.Should().BeEmpty("the app should throw no uncaught script error");
    }

    /// <summary>Onboards tenant <c>alpha</c> through the API; returns its admin's client.</summary>
    protected Task<HttpClient> TenantAsync() => Given.TenantAsync(App, Identity, AdminId);

    /// <summary>Invites <see cref="MemberId"/> as a member; they accept. Returns their client.</summary>
    protected Task<HttpClient> MemberAsync(HttpClient admin) => Given.MemberAsync(App, Identity, admin, MemberId);

    /// <summary>A blank page in a new context shaped as <paramref name="device"/>, on the app's origin.</summary>
    protected async Task<IPage> NewPageAsync(Device device)
    {
        var options = device == Device.Phone ? Phone : Desktop;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions(options) { BaseURL = App.ClientOptions.BaseAddress.ToString() });
        _contexts.Add(context);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        return page;
    }

    /// <summary>
    /// Opens the app at <paramref name="path"/> on <paramref name="device"/> and signs in as <paramref name="userId"/> by
    /// pasting a session token. The token lives in the page's memory: loading another address signs out.
    /// </summary>
    protected async Task<IPage> SignInAsync(Device device, string userId = AdminId, string path = "/app")
    {
        var page = await NewPageAsync(device);
        await page.GotoAsync(path);
        await page.GetByLabel("Or paste a session token").FillAsync(Identity.Token(userId, $"{userId}@example.com"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with token" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Opens a screen from the main menu (on a phone, the menu is a drawer opened first) and waits for it to load.</summary>
    protected static async Task GoToAsync(IPage page, string screen)
    {
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        if (await menu.IsVisibleAsync() && await menu.GetAttributeAsync("aria-expanded") == "false")
        {
            await menu.ClickAsync();
        }

        var link = MainMenu(page).GetByRole(AriaRole.Link, new() { Name = screen, Exact = true, IncludeHidden = true });
        await link.ClickAsync();
        await Expect(link).ToHaveAttributeAsync("aria-current", "page");
        await LoadedAsync(page);
    }

    /// <summary>The main menu, found even while it is a closed drawer (on a phone).</summary>
    protected static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main", IncludeHidden = true });

    /// <summary>The labels of the main menu's links, in order, whether or not the drawer is open.</summary>
    protected static Task<IReadOnlyList<string>> MenuItemsAsync(IPage page) =>
        MainMenu(page).GetByRole(AriaRole.Link, new() { IncludeHidden = true }).AllTextContentsAsync();

    /// <summary>Waits until the screen shows its title and nothing is loading any more.</summary>
    protected static async Task LoadedAsync(IPage page)
    {
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = LoadingText() })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Runs axe-core on the page as it is now; fails on any violation of serious or critical impact, naming its rule,
    /// impact, the elements and what to do.
    /// </summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        blocking.Should().BeEmpty($"{page.Url} should have no serious or critical accessibility violation, but has:{Environment.NewLine}{Describe(blocking)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join(Environment.NewLine, violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} [{string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}] {v.HelpUrl}"));

    [GeneratedRegex("^Loading")]
    private static partial Regex LoadingText();
}
