using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Signing in with a pasted session token, signing out, and a token the API refuses.</summary>
public sealed class SignInTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    [Theory, ClassData(typeof(Devices))]
    public async Task ASessionToken_SignsIn_ToTheWorkspace_AndSigningOut_ForgetsIt(Device device)
    {
        await TenantAsync();
        var page = await NewPageAsync(device);
        await page.GotoAsync("/app");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to PromoStack" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Or paste a session token").FillAsync(Identity.Token(AdminId, $"{AdminId}@example.com"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with token" }).ClickAsync();

        await LoadedAsync(page);
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Alpha");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("Or paste a session token")).ToHaveValueAsync(string.Empty);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to PromoStack" })).ToBeVisibleAsync();
    }

    [Theory, ClassData(typeof(Devices))]
    public async Task ATokenTheApiRefuses_SaysSo_AndLeadsBackToSignIn(Device device)
    {
        var page = await NewPageAsync(device);
        await page.GotoAsync("/app");

        await page.GetByLabel("Or paste a session token").FillAsync(Identity.Token(AdminId, expiresIn: TimeSpan.FromMinutes(-10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with token" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in again" }).ClickAsync();
        await Expect(page.GetByLabel("Or paste a session token")).ToBeVisibleAsync();
    }
}
