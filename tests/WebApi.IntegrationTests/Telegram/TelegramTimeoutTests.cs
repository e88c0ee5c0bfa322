using System.Net;
using System.Net.Http.Json;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>A Telegram that hangs: the configurable timeout (1 s here) turns it into a retry or a 503, never a stuck call.</summary>
public sealed class TelegramTimeoutTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AHangingTelegram_IsATimeout_ThatSavesNothing_OrIsRetried()
    {
        // Its own fake: the hanging calls it leaves behind must not show up in other tests' call logs.
        using var telegram = new FakeTelegram();
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Telegram:TimeoutSeconds"] = "1" }, telegram: telegram);
        var admin = await Given.TenantAsync(app, Identity, "user_alpha_admin", email: "admin@example.com");

        telegram.Hangs(Given.MessageBotToken, "getMe", TimeSpan.FromSeconds(3));
        await (await admin.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken })).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(0);

        telegram.Reset();
        telegram.KnowsBot(Given.MessageBotToken, Given.MessageBotId, "alpha_message_bot");
        (await admin.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken })).EnsureSuccessStatusCode();
        telegram.Hangs(Given.MessageBotToken, "sendMessage", TimeSpan.FromSeconds(3));
        await app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>().RunAsync("alpha", async (services, ct) =>
        {
            await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                new SendText(42, "hello"), new OutboxOptions(BotRole.MessageBot, "hello", "reply", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce), ct);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        }, CancellationToken.None);

        await app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("pending", "a timeout is retried");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM telegram_outbox")).Should().Contain("could not be reached");
    }
}
