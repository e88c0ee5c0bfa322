using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Infrastructure.Broadcasts;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Telegram;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>A broadcast sent from Growth → Broadcasts, its progress updating on the page (it polls) as the workers send it.</summary>
public sealed class BroadcastProgressTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    private int _updateId;

    [Theory, ClassData(typeof(Devices))]
    public async Task ABroadcast_ShowsItsProgress_AsTheBotApiAcceptsItsMessages(Device device)
    {
        var admin = await TenantAsync();
        await Given.MessageBotAsync(admin, Telegram, "alpha_bot");
        await StartAsync(admin, 101);
        await StartAsync(admin, 102);
        var page = await SignInAsync(device);
        await GoToAsync(page, "Growth");
        await page.GetByRole(AriaRole.Link, new() { Name = "Broadcasts" }).ClickAsync();

        await page.GetByLabel("Audience").SelectOptionAsync("all");
        await page.GetByLabel("Message").FillAsync("Gold is moving: new signals today");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Send broadcast" }).ClickAsync();

        var row = page.Locator("tbody tr").Filter(new() { HasText = "Gold is moving" });
        await Expect(row).ToContainTextAsync("Pending");
        asked.Should().Be("Send this message to All?");
        var before = Telegram.Calls("sendMessage").Count;
        await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
        await Expect(row).ToContainTextAsync("0 sent · 0 failed · 0 blocked · 2 waiting of 2");
        await AssertAccessibleAsync(page);

        App.Clock.Advance(BroadcastWorker.SliceInterval);
        await DrainAsync();

        await Expect(row).ToContainTextAsync("2 sent · 0 failed · 0 blocked · 0 waiting of 2");
        await Expect(row).ToContainTextAsync("Completed");
        Telegram.Calls("sendMessage").Skip(before).Select(c => c.Body.GetProperty("chat_id").GetInt64()).Should().BeEquivalentTo([101L, 102L]);
    }

    /// <summary>A Telegram user sends /start to the message bot through its webhook; the bot answers.</summary>
    private async Task StartAsync(HttpClient admin, long userId)
    {
        var update = new JsonObject
        {
            ["update_id"] = ++_updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = _updateId, ["date"] = 1_700_000_000, ["text"] = "/start",
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ana" },
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Ana" },
            },
        };
        var connections = await (await admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connections.EnumerateArray().Single(c => c.GetProperty("role").GetString() == "message_bot").GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await App.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        await DrainAsync();
    }

    /// <summary>Runs the inbox, broadcasts, domain events and the sender (the clock moved on past each pause) until nothing is left.</summary>
    private async Task DrainAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            var work = 0;
            while (await App.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) is var n and > 0)
            {
                work += n;
            }

            work += await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
            work += await App.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
            App.Clock.Advance(BroadcastWorker.SliceInterval);
            work += await App.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
            if (work == 0)
            {
                return;
            }
        }
    }
}
