using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Connecting a bot on the Bots screen (the fake Bot API knows its token) and testing it.</summary>
public sealed class BotsTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    [Theory, ClassData(typeof(Devices))]
    public async Task ABotConnectedWithItsToken_RegistersItsWebhook_AndItsTestReportsEverythingWorks(Device device)
    {
        await TenantAsync();
        Telegram.KnowsBot(Given.MessageBotToken, Given.MessageBotId, "alpha_bot");
        var page = await SignInAsync(device);
        await GoToAsync(page, "Bots");
        var card = Card(page, "Message bot");
        await Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync("Not connected");

        await card.GetByLabel("Bot token from @BotFather").FillAsync(Given.MessageBotToken);
        await card.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Expect(Card(page, "Message bot").GetByRole(AriaRole.Heading)).ToContainTextAsync("@alpha_bot");
        var webhook = Telegram.Calls("setWebhook").Should().ContainSingle().Subject.Body.GetProperty("url").GetString()!;
        webhook.Should().StartWith("https://promostack.test/api/telegram/");
        Telegram.Answer(Given.MessageBotToken, "getWebhookInfo", new { url = webhook, has_custom_certificate = false, pending_update_count = 0 }, priority: 1);

        await Card(page, "Message bot").GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();

        var report = Card(page, "Message bot");
        await Expect(report).ToContainTextAsync("Everything works");
        await Expect(report).ToContainTextAsync($"@alpha_bot (id {Given.MessageBotId})");
        await Expect(report).ToContainTextAsync("Webhook: registered");
        await AssertAccessibleAsync(page);
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator("section.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
}
