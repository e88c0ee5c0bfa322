using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>The Setup screen's checklist: what is left to do and what comes next, and an item done once it really is.</summary>
public sealed class SetupChecklistTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    private const int Items = 9;

    [Theory, ClassData(typeof(Devices))]
    public async Task AFreshTenant_HasNothingDone_AndIsToldWhatToDoNext_AndABotConnectedMeanwhile_ShowsItsItemDone(Device device)
    {
        var admin = await TenantAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "Setup");

        await Expect(page.Locator("main .page-title")).ToContainTextAsync($"0 of {Items} done");
        await Expect(Checklist(page)).ToHaveCountAsync(Items);
        await Expect(Checklist(page).Filter(new() { Has = Done(page) })).ToHaveCountAsync(0);
        var next = Checklist(page).And(page.Locator("[aria-current=step]"));
        await Expect(next).ToHaveCountAsync(1);
        await Expect(next).ToContainTextAsync("Signal bot connected");
        await Expect(next.GetByText("Next", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(next).ToContainTextAsync("Create a bot with @BotFather");
        await Expect(next.GetByRole(AriaRole.Link, new() { Name = "Go to Bots" })).ToBeVisibleAsync();
        var messageBot = Item(page, "Message bot connected");
        await Expect(messageBot.GetByText("To do", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(messageBot).ToContainTextAsync("No message bot is connected");
        await Expect(messageBot).ToContainTextAsync("connect it with its token");
        await Expect(messageBot.GetByRole(AriaRole.Link, new() { Name = "Go to Bots" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        var connection = await Given.MessageBotAsync(admin, Telegram, "alpha_message_bot");
        Telegram.Answer(Given.MessageBotToken, "getWebhookInfo", new
        {
            url = $"https://promostack.test/api/telegram/{connection.GetProperty("webhookId").GetGuid()}/webhook", has_custom_certificate = false, pending_update_count = 0,
        }, priority: 5);
        await GoToAsync(page, "Home");
        await GoToAsync(page, "Setup");

        await Expect(page.Locator("main .page-title")).ToContainTextAsync($"1 of {Items} done");
        await Expect(Done(messageBot)).ToBeVisibleAsync();
        await Expect(messageBot).ToContainTextAsync("alpha_message_bot is connected and Telegram delivers its updates here");
        await Expect(messageBot.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Expect(next).ToContainTextAsync("Signal bot connected", new() { Timeout = 1_000 });
        await AssertAccessibleAsync(page);

        await next.GetByRole(AriaRole.Link, new() { Name = "Go to Bots" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bots", Level = 1 })).ToBeVisibleAsync();
    }

    private static ILocator Checklist(IPage page) => page.Locator("main ol.checklist > li");

    private static ILocator Item(IPage page, string title) => Checklist(page).Filter(new() { Has = page.GetByText(title) });

    private static ILocator Done(IPage page) => page.GetByText("Done", new() { Exact = true });

    private static ILocator Done(ILocator item) => item.GetByText("Done", new() { Exact = true });
}
