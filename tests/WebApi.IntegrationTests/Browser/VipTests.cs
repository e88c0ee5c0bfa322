using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>VIP access by hand: the API's field errors shown at their field, a grant, and its revocation after a confirm.</summary>
public sealed partial class VipTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    [Theory, ClassData(typeof(Devices))]
    public async Task AnEmailTheApiRefuses_IsShownAtItsField_AsInvalid_AndDescribesIt(Device device)
    {
        await TenantAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "VIP");
        await page.GetByRole(AriaRole.Link, new() { Name = "Grant" }).ClickAsync();

        // Well-formed, so the form's own check lets it through, but longer than the 320 characters the API takes.
        var email = page.GetByLabel("Email");
        await email.FillAsync($"ana.{new string('x', 320)}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Grant access" }).ClickAsync();

        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveAccessibleDescriptionAsync(MaximumLength());
        await Expect(page.GetByLabel("Plan")).ToHaveAttributeAsync("aria-invalid", "false");
        await AssertAccessibleAsync(page);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_subscriptions")).Should().Be(0);
    }

    [Theory, ClassData(typeof(Devices))]
    public async Task AGrant_ShowsInTheList_AndRevokingIt_AfterConfirming_EndsTheAccess(Device device)
    {
        await TenantAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "VIP");
        await page.GetByRole(AriaRole.Link, new() { Name = "Grant" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("ana@example.com");
        await page.GetByLabel("Plan").SelectOptionAsync("lifetime");
        await page.GetByRole(AriaRole.Button, new() { Name = "Grant access" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Granted");

        await page.GetByRole(AriaRole.Link, new() { Name = "Subscriptions" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ana@example.com" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subscription #" })).ToContainTextAsync("Active");
        await AssertAccessibleAsync(page);
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke access" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subscription #" })).ToContainTextAsync("Cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke access" })).ToHaveCountAsync(0);
        asked.Should().Be("End this member's VIP access now?");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions")).Should().Be("cancelled");
    }

    [GeneratedRegex("320 characters")]
    private static partial Regex MaximumLength();
}
