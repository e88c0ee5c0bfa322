using Microsoft.Playwright;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Bots' messages as Telegram shows them: a signal's posts on its detail, and a queued message with its button in Activity → Outbox.</summary>
public sealed class TelegramMessagesTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    private const long Vip = -1001111111111;
    private const long Person = 987654321;

    [Theory, ClassData(typeof(Devices))]
    public async Task ASignalsDetail_ShowsItsPostAndTheTp1Reply_RenderedAsInTelegram(Device device)
    {
        var admin = await TenantAsync();
        await Given.SignalBotAsync(admin, Telegram, Vip);
        var id = await PostedSignalAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "Signals");
        await page.GetByRole(AriaRole.Link, new() { Name = "All signals" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Posts in Telegram" })).ToBeVisibleAsync();
        var posts = page.Locator(".post");
        await Expect(posts).ToHaveCountAsync(2);
        var post = posts.First;
        await Expect(post).ToContainTextAsync("VIP channel");
        await Expect(post).ToContainTextAsync("Signal posted");
        await Expect(post).ToContainTextAsync("Entry: 2000.00");
        await Expect(post).Not.ToContainTextAsync("<b>");
        await Expect(post.Locator("strong", new() { HasText = "BUY XAU/USD" })).ToBeVisibleAsync();
        var reply = posts.Nth(1);
        await Expect(reply).ToContainTextAsync("TP1 hit");
        await Expect(reply).ToContainTextAsync("Reply to message #");
        await Expect(reply.Locator("strong", new() { HasText = "TP1 hit" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Theory, ClassData(typeof(Devices))]
    public async Task TheOutbox_ShowsAQueuedMessagesTextAndItsButtons(Device device)
    {
        var admin = await TenantAsync();
        await Given.MessageBotAsync(admin, Telegram, "alpha_bot");
        await EnqueueAsync(
            new SendText(Person, "💳 <b>Monthly VIP</b> — $49\nPay securely with Stripe.", [
                [new InlineButton("Pay now", Url: "https://checkout.example.com/pay/abc")],
                [new InlineButton("Other plans", CallbackData: "vip:plans")],
            ]),
            BotRole.MessageBot, "reply");
        var page = await SignInAsync(device);
        await GoToAsync(page, "Activity");

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Outbox" }).Locator("tbody tr").Filter(new() { HasText = "Monthly VIP" });
        await Expect(row).ToContainTextAsync("Pending");
        await Expect(row.Locator("strong", new() { HasText = "Monthly VIP" })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Pay securely with Stripe.");
        var buttons = row.GetByRole(AriaRole.Group, new() { Name = "Buttons" });
        var pay = buttons.GetByRole(AriaRole.Link, new() { Name = "Pay now" });
        await Expect(pay).ToHaveAttributeAsync("href", "https://checkout.example.com/pay/abc");
        await Expect(buttons).ToContainTextAsync("Other plans");
        await Expect(buttons).ToContainTextAsync("sends “vip:plans”");
        await AssertAccessibleAsync(page);
    }

    /// <summary>A live signal posted to the VIP channel (as <c>SignalPosts</c> words it) with its TP1 reply, both queued.</summary>
    private async Task<int> PostedSignalAsync()
    {
        var id = 0;
        await App.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", async (services, ct) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var signal = ForexSignal.Open("alpha", SignalDirection.Buy, "15min", new SignalLevels(2000m, 1990m, 2010m, 2020m, 2030m), "{}", App.Clock.GetUtcNow(),
                new SignalOrigin(Instrument.XauUsd, "aggressive", SignalSource.Live, ExitPlan.Default));
            db.ForexSignals.Add(signal);
            await db.SaveChangesAsync(ct);
            var post = await EnqueueAsync(services, new SendText(Vip, "🟢 <b>BUY XAU/USD</b> · 15min\nEntry: <b>2000.00</b>\nStop loss: 1990.00\n\nStatus: ⏳ active"),
                BotRole.SignalBot, $"signal:{signal.Id}:post", ct);
            signal.RecordTelegramPost(post);
            await db.SaveChangesAsync(ct);
            await EnqueueAsync(services, new SendText(Vip, "✅ <b>TP1 hit</b> at 2010", ReplyToOutboxId: post), BotRole.SignalBot, $"signal:{signal.Id}:tp1:reply", ct);
            id = signal.Id;
        }, CancellationToken.None);
        return id;
    }

    private Task EnqueueAsync(OutgoingMessage message, BotRole bot, string kind) =>
        App.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", (services, ct) => EnqueueAsync(services, message, bot, $"{kind}:{Guid.NewGuid():N}", ct), CancellationToken.None);

    private static async Task<long> EnqueueAsync(IServiceProvider services, OutgoingMessage message, BotRole bot, string key, CancellationToken ct)
    {
        var row = await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
            message, new OutboxOptions(bot, key, key.Split(':')[0], OutboxPriority.Notification, DeliverySemantics.AtLeastOnce), ct);
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        return row.Id;
    }
}
