using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Building a journey in the flow editor: create, add steps, the API's errors on the step that has them, publish.</summary>
public sealed partial class JourneyEditorTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    [Theory, ClassData(typeof(Devices))]
    public async Task AJourney_IsBuilt_Corrected_Where_TheApiSays_AndPublished(Device device)
    {
        var admin = await TenantAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "Journeys");
        await page.GetByLabel("Name").FillAsync("Welcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create journey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
        await LoadedAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "+ Message" }).ClickAsync();
        await Step(page, 1).GetByLabel("Message").FillAsync("Hello {first_name}! Two questions and you are in.");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Question" }).ClickAsync();
        await Step(page, 2).GetByLabel("Question").FillAsync("What do you trade most?");
        var answerKey = Step(page, 2).GetByLabel("Save the answer as");
        await answerKey.FillAsync("Market");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save steps" }).ClickAsync();

        await Expect(answerKey).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(answerKey).ToHaveAccessibleDescriptionAsync(LowerCase());
        await Expect(Step(page, 1).GetByLabel("Message")).ToHaveAttributeAsync("aria-invalid", "false");
        await AssertAccessibleAsync(page);
        await answerKey.FillAsync("market");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save steps" }).ClickAsync();
        await Expect(page.GetByText("Steps saved.")).ToBeVisibleAsync();
        await Expect(answerKey).ToHaveAttributeAsync("aria-invalid", "false");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Add a trigger first");
        await page.GetByLabel("Code").FillAsync("welcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add trigger" }).ClickAsync();
        await Expect(page.GetByText("Deep link ?start=welcome")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Expect(page.Locator("main .page-title .badge")).ToHaveTextAsync("Live");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        var journey = (await (await admin.GetAsync("/api/journeys")).JsonAsync()).EnumerateArray().Should().ContainSingle().Subject;
        journey.GetProperty("isActive").GetBoolean().Should().BeTrue();
        journey.GetProperty("steps").GetInt32().Should().Be(2);
    }

    private static ILocator Step(IPage page, int number) => page.GetByRole(AriaRole.Region, new() { Name = $"Step {number}", Exact = true });

    [GeneratedRegex("answer key is lower case")]
    private static partial Regex LowerCase();
}
