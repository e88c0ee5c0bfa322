using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Coupons.Templates;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// The Sandbox chat screen (Development, sandbox bots): what the admin types or presses goes through the real inbox
/// and routing, and the bot's answers (texts, buttons, images) appear in the conversation. The workers are off in
/// tests: each test runs them by hand once the screen shows that what it sent was stored.
/// </summary>
public sealed class SandboxChatScreenTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    protected override bool InDevelopment => true;

    /// <summary>Dev tokens on, so that the app offers its dev sign-in and, to admins, the sandbox chat in the menu.</summary>
    protected override Dictionary<string, string?> Overrides => new()
    {
        ["Auth:DevTokens"] = "true",
        ["Auth:DevKeyPath"] = Path.Combine(AppContext.BaseDirectory, "browser-tests-dev-key.pem"),
    };

    [Theory, ClassData(typeof(Devices))]
    public async Task AJourneyPublishedInTheEditor_RunsInTheChat_FromItsDeepLink_ThroughAButtonPressed_ToItsLastStep(Device device)
    {
        var admin = await TenantAsync();
        (await admin.PutAsJsonAsync("/api/connections/message_bot", new { sandbox = true })).EnsureSuccessStatusCode();
        var journey = await (await admin.PostAsJsonAsync("/api/journeys", new { name = "Tour", reentryPolicy = "block" })).JsonAsync(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"/api/journeys/{journey.GetProperty("id").GetGuid()}/steps", new
        {
            steps = new object[]
            {
                new { type = "message", config = new { text = "Hello <b>{first_name}</b>!", buttons = new[] { new { text = "Our site", url = "https://example.com/" } } } },
                new { type = "question", config = new { text = "Gold or forex?", answer_key = "market", validation = "choice", options = new[] { "Gold", "Forex" } } },
                new { type = "message", config = new { text = "Noted: you trade {answer:market}." } },
            },
        })).EnsureSuccessStatusCode();
        var page = await SignInAsync(device);

        await GoToAsync(page, "Journeys");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tour", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tour", Level = 1 })).ToBeVisibleAsync();
        await LoadedAsync(page);
        await page.GetByLabel("Code").FillAsync("tour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add trigger" }).ClickAsync();
        await Expect(page.GetByText("Deep link ?start=tour")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator("main .page-title .badge")).ToHaveTextAsync("Live");

        await GoToAsync(page, "Sandbox chat");
        await Expect(Bot(page)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await SayAsync(page, "/start tour");

        await Expect(Bot(page)).ToHaveCountAsync(2);
        await Expect(Bot(page).Nth(0)).ToContainTextAsync("Hello user_browser_admin!");
        await Expect(Bot(page).Nth(0).Locator("strong")).ToHaveTextAsync("user_browser_admin");
        await Expect(Bot(page).Nth(0).GetByRole(AriaRole.Link, new() { Name = "Our site" })).ToHaveAttributeAsync("href", "https://example.com/");
        await Expect(Bot(page).Nth(1)).ToContainTextAsync("Gold or forex?");
        await Expect(Bot(page).Nth(1).GetByRole(AriaRole.Button)).ToHaveTextAsync(["Gold", "Forex"]);
        await AssertAccessibleAsync(page);

        await PressAsync(page, Bot(page).Nth(1).GetByRole(AriaRole.Button, new() { Name = "Forex" }));

        await Expect(Bot(page).Last).ToContainTextAsync("Noted: you trade Forex.");
        await Expect(Mine(page).Last).ToContainTextAsync("pressed");
        var sessions = (await (await admin.GetAsync($"/api/journeys/{journey.GetProperty("id").GetGuid()}/sessions")).JsonAsync()).GetProperty("items");
        sessions[0].GetProperty("status").GetString().Should().Be("completed");
        sessions[0].GetProperty("answers").GetProperty("market").GetString().Should().Be("Forex");
    }

    [Theory, ClassData(typeof(Devices))]
    public async Task ACouponCode_SentToTheCouponBot_BringsBackTheTemplatesPreview_AndPickingItTheCouponImage_ShownInTheChat(Device device)
    {
        var admin = await TenantAsync();
        (await admin.PutAsJsonAsync("/api/connections/coupon_bot", new { sandbox = true })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/coupons/settings", new { validation = "pattern", codePattern = "FP[0-9]{4}", linkTemplate = "https://partner.example/buy?promo={code}" }))
            .EnsureSuccessStatusCode();
        using var form = TemplateForms.Form(TemplateForms.Template("Black Friday", [TemplateForms.Size("square")]), ("square", TemplateForms.Png(TemplateForms.Square)));
        (await admin.PostAsync("/api/coupons/templates", form)).StatusCode.Should().Be(HttpStatusCode.Created);
        var page = await SignInAsync(device);
        await GoToAsync(page, "Sandbox chat");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Bot" }).SelectOptionAsync("coupon_bot");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "@alpha_coupon_bot_sandbox" })).ToBeVisibleAsync();
        await LoadedAsync(page);

        await SayAsync(page, "FP1234");

        var images = Bot(page).GetByRole(AriaRole.Img, new() { Name = "Image from the bot" });
        await Expect(images).ToHaveCountAsync(1);
        await Expect(images).ToHaveJSPropertyAsync("complete", true);
        (await images.EvaluateAsync<int>("i => i.naturalWidth")).Should().BeGreaterThan(0, "the template's preview is loaded and shown");
        var preview = Bot(page).Filter(new() { Has = page.GetByRole(AriaRole.Img) });
        await Expect(preview).ToContainTextAsync("FP1234 is valid");
        await AssertAccessibleAsync(page);

        await PressAsync(page, preview.GetByRole(AriaRole.Button, new() { Name = "1. Black Friday" }));

        await Expect(images).ToHaveCountAsync(2);
        var coupon = images.Nth(1);
        await Expect(coupon).ToHaveJSPropertyAsync("complete", true);
        (await coupon.EvaluateAsync<int>("i => i.naturalWidth")).Should().Be(TemplateForms.Square.Width, "the coupon is drawn on the uploaded image");
        await Expect(Bot(page).Filter(new() { Has = page.GetByRole(AriaRole.Img) }).Last.Locator("code")).ToHaveTextAsync("FP1234");
        await Expect(Conversation(page).GetByRole(AriaRole.Link, new() { Name = "https://partner.example/buy?promo=FP1234" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    private static ILocator Conversation(IPage page) => page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });

    private static ILocator Bot(IPage page) => Conversation(page).Locator(".bubble:not(.mine)");

    private static ILocator Mine(IPage page) => Conversation(page).Locator(".bubble.mine");

    /// <summary>Types and sends <paramref name="text"/>; once the chat shows it (stored in the inbox), runs the workers.</summary>
    private async Task SayAsync(IPage page, string text)
    {
        var sent = await Mine(page).CountAsync();
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(Mine(page)).ToHaveCountAsync(sent + 1);
        await Expect(Mine(page).Last).ToContainTextAsync(text);
        await DrainAsync();
    }

    /// <summary>Presses a button the bot sent; once the chat shows the press (stored in the inbox), runs the workers.</summary>
    private async Task PressAsync(IPage page, ILocator button)
    {
        var sent = await Mine(page).CountAsync();
        await button.ClickAsync();
        await Expect(Mine(page)).ToHaveCountAsync(sent + 1);
        await DrainAsync();
    }

    private Task DrainAsync() => Workers.DrainAsync(App);
}
