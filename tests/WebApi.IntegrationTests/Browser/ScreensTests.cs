using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Every screen of the menu, as an admin and as a member: it loads, shows no error and passes axe-core.</summary>
public sealed class ScreensTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
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
            await GoToAsync(page, screen);

            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0, new() { Timeout = 1_000 });
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToHaveCountAsync(0, new() { Timeout = 1_000 });
            await AssertAccessibleAsync(page);
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
}
