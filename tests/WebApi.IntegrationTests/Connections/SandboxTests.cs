using System.Net;
using System.Net.Http.Json;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Connections;

/// <summary>Sandbox bots: Development's stand-ins, whose sends are recorded and never reach Telegram.</summary>
public sealed class SandboxTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task InDevelopment_ASandboxBot_RecordsItsSendsAsDelivered_WithoutCallingTelegram()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), $"promostack-sandbox-{Guid.NewGuid():N}.pem");
        await using var app = new PromoStackFactory(
            Identity, new Dictionary<string, string?> { ["Auth:DevTokens"] = "true", ["Auth:DevKeyPath"] = keyPath }, "Development", Telegram);
        try
        {
            var admin = await Given.TenantAsync(app, Identity, "user_dev", email: "dev@example.com");

            var saved = await (await admin.PutAsJsonAsync("/api/connections/message_bot", new { sandbox = true })).JsonAsync();
            saved.GetProperty("sandbox").GetBoolean().Should().BeTrue();
            saved.GetProperty("token").GetString().Should().Be("sandbox");

            long linkId = 0;
            await app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>().RunAsync("alpha", async (services, ct) =>
            {
                var outbox = services.GetRequiredService<ITelegramOutbox>();
                await outbox.EnqueueAsync(new SendText(42, "hello"), new OutboxOptions(BotRole.MessageBot, "hello", "reply", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce), ct);
                var link = await outbox.EnqueueAsync(new CreateInviteLink(-100123, 1, null), new OutboxOptions(BotRole.MessageBot, "link", "invite", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce), ct);
                await services.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
                linkId = link.Id;
            }, CancellationToken.None);
            await app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);

            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE status = 'sent' AND telegram_message_id IS NOT NULL")).Should().Be(2);
            (await TestDatabase.ScalarAsync<string>("SELECT result_text FROM telegram_outbox WHERE id = @p0", linkId)).Should().StartWith("https://t.me/+sandbox");
            Telegram.Server.LogEntries.Should().BeEmpty("a sandbox bot never reaches Telegram");
            await (await admin.PostAsync("/api/connections/message_bot/test", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

            var webhook = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{saved.GetProperty("webhookId").GetGuid()}/webhook")
            {
                Content = new StringContent("{\"update_id\":1}", System.Text.Encoding.UTF8, "application/json"),
            };
            webhook.Headers.Add("X-Telegram-Bot-Api-Secret-Token", string.Empty);
            (await app.CreateClient().SendAsync(webhook)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a sandbox bot has no webhook");
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task OutsideDevelopment_ASandboxBotIsRefused()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/message_bot", new { sandbox = true });

        await response.ShouldHaveFieldErrorAsync("sandbox");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);
    }

    [Fact]
    public async Task ASandboxRequestWithAToken_Is400()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsJsonAsync("/api/connections/message_bot", new { sandbox = true, token = "1:x" });

        await response.ShouldHaveFieldErrorAsync("token");
    }
}
