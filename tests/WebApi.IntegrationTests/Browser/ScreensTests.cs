using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Every screen of the menu, as an admin and as a member: it loads, shows no error and passes axe-core.</summary>
public sealed partial class ScreensTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    [Theory, ClassData(typeof(Devices))]
    public async Task EveryScreenInTheMenu_Loads_WithoutAnError_AndIsAccessible(Device device)
    {
        await TenantAsync();
        // A platform operator too, so the menu has every screen but the sandbox chat (a development-only one).
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES (@p0, now())", AdminId);
        var page = await SignInAsync(device);
        await LoadedAsync(page);
        await AssertAccessibleAsync(page);

        var screens = await MenuItemsAsync(page);
        screens.Should().Equal("Home", "Setup", "Bots", "Audience", "Signals", "VIP", "Journeys", "Growth", "Coupons", "Activity", "Team", "Platform");
        foreach (var screen in screens)
        {
            await OpensCleanlyAsync(page, screen);
        }
    }

    [Theory, ClassData(typeof(Devices))]
    public async Task EveryScreenInTheMenu_LoadsForAMember_WithoutAnError_AccessibleAndWithoutAnAdminAction(Device device)
    {
        var admin = await TenantAsync();
        // Things an admin could act on, so that each screen would show its admin actions if it let a member see them.
        await Given.MessageBotAsync(admin, Telegram, "alpha_bot");
        (await admin.PostAsJsonAsync("/api/journeys", new { name = "Welcome" })).EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await admin.PostAsJsonAsync("/api/campaigns", new { title = "Winter draw", startDate = today.AddDays(1), endDate = today.AddDays(30) })).EnsureSuccessStatusCode();
        await MemberAsync(admin);
        // The checks below do see the admin's actions where there are some.
        var adminPage = await SignInAsync(device);
        await GoToAsync(adminPage, "Bots");
        await Expect(adminPage.Locator("main").GetByRole(AriaRole.Button, new() { NameRegex = AdminAction() }).First).ToBeVisibleAsync();
        await Expect(adminPage.Locator("main button.danger").First).ToBeVisibleAsync();

        var page = await SignInAsync(device, MemberId);
        await LoadedAsync(page);
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("member");

        var screens = await MenuItemsAsync(page);
        screens.Should().Equal("Home", "Setup", "Bots", "Signals", "VIP", "Journeys", "Growth", "Coupons", "Activity", "Team");
        foreach (var screen in screens)
        {
            await OpensCleanlyAsync(page, screen);
            var main = page.Locator("main");
            await Expect(main.GetByRole(AriaRole.Button, new() { NameRegex = AdminAction() })).ToHaveCountAsync(0, new() { Timeout = 1_000 });
            await Expect(main.Locator("button.danger")).ToHaveCountAsync(0, new() { Timeout = 1_000 });
            await Expect(main.GetByRole(AriaRole.Link, new() { NameRegex = AdminOnlyTab() })).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        }
    }

    [Theory, ClassData(typeof(Devices))]
    public async Task AMember_SeesNoAdminAction_AndTheApiStillRefusesThem(Device device)
    {
        var admin = await TenantAsync();
        var member = await MemberAsync(admin);
        // A member who follows a link to an admin's form (signing in on the way) gets no form either.
        var page = await SignInAsync(device, MemberId, "/app/vip/grant");
        await LoadedAsync(page);
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Alpha");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Grant access" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Grant" })).ToHaveCountAsync(0);

        (await MenuItemsAsync(page)).Should().Contain("Journeys").And.NotContain("Audience");
        await GoToAsync(page, "Journeys");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All journeys" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create journey" })).ToHaveCountAsync(0);
        await GoToAsync(page, "Team");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        (await member.PostAsJsonAsync("/api/journeys", new { name = "Sneaky" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>Opens a screen from the menu: no error shown, not "Page not found", accessible, every table header named.</summary>
    private static async Task OpensCleanlyAsync(IPage page, string screen)
    {
        await GoToAsync(page, screen);

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        await AssertAccessibleAsync(page);
        await Expect(page.Locator("main th:empty")).ToHaveCountAsync(0, new() { Timeout = 1_000 });
    }

    /// <summary>What the admin-only buttons of the screens say (saving, connecting, removing, sending, publishing, granting, exporting…).</summary>
    [GeneratedRegex("^(Save|Connect|Remove|Withdraw|Retry|Cancel|Create|Upload|Send|Add|Publish|Stop|Duplicate|Close at market|Grant|Revoke|Sync|Download|End|Draw)\\b")]
    private static partial Regex AdminAction();

    /// <summary>The admin-only tabs of screens a member sees (granting VIP by hand, the audit log).</summary>
    [GeneratedRegex("^(Grant|Audit log)$")]
    private static partial Regex AdminOnlyTab();
}
