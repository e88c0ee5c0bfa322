using System.Net;
using System.Net.Http.Json;
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

    [Theory, ClassData(typeof(Devices))]
    public async Task ErrorsNoFieldShows_AreShownAtTheTopOfTheirStep_OrAboveTheForm(Device device)
    {
        var admin = await TenantAsync();
        var journey = await (await admin.PostAsJsonAsync("/api/journeys", new { name = "Welcome" })).JsonAsync(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"/api/journeys/{journey.GetProperty("id").GetGuid()}/steps", new
        {
            steps = new object[] { new { type = "message", config = new { text = "Hello!" } }, new { type = "delay", config = new { seconds = 60 } } },
        })).EnsureSuccessStatusCode();
        var page = await SignInAsync(device);
        await GoToAsync(page, "Journeys");
        await page.GetByRole(AriaRole.Link, new() { Name = "Welcome", Exact = true }).ClickAsync();
        await LoadedAsync(page);
        // An API newer than the editor: errors about a field the step's form does not have, and about a step it does not know.
        await page.RouteAsync("**/api/journeys/*/steps", route => route.FulfillAsync(new()
        {
            Status = 400,
            ContentType = "application/problem+json",
            Body = """
                {"title":"One or more validation errors occurred.","status":400,"errors":{
                  "steps[1].config.jitter":["A delay step has no field 'jitter'."],
                  "steps[1].config.seconds":["At most 30 days."],
                  "steps[4].config.text":["Required."]}}
                """,
        }));

        await Step(page, 1).GetByLabel("Message").FillAsync("Hello again!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save steps" }).ClickAsync();

        await Expect(Step(page, 2)).ToHaveAccessibleDescriptionAsync("jitter: A delay step has no field 'jitter'.");
        await Expect(Step(page, 2).GetByLabel("Wait (seconds)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Step(page, 2).GetByLabel("Wait (seconds)")).ToHaveAccessibleDescriptionAsync(AtMost30Days());
        await Expect(Step(page, 1)).ToHaveAccessibleDescriptionAsync(string.Empty);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(["Step 5: text: Required.", "jitter: A delay step has no field 'jitter'.", "At most 30 days."]);
        await AssertAccessibleAsync(page);
    }

    private static ILocator Step(IPage page, int number) => page.GetByRole(AriaRole.Region, new() { Name = $"Step {number}", Exact = true });

    [GeneratedRegex("answer key is lower case")]
    private static partial Regex LowerCase();

    [GeneratedRegex("At most 30 days")]
    private static partial Regex AtMost30Days();
}
