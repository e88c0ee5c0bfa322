using System.Net;
using System.Net.Http.Json;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

public sealed class OutboxApiTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
        Telegram.KnowsBot(Given.MessageBotToken, Given.MessageBotId, "alpha_message_bot");
        (await _admin.Client.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task List_ShowsFailedDeliveriesWithTheirReason_FilteredAndPaged()
    {
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 400, "Bad Request: chat not found");
        await EnqueueAsync(42, "broken", "reply");
        await EnqueueAsync(43, "waiting", "broadcast");
        await ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()).RunOnceAsync(CancellationToken.None);

        var failed = await (await _admin.Client.GetAsync("/api/telegram/outbox?status=failed")).JsonAsync();
        var page = await (await _admin.Client.GetAsync("/api/telegram/outbox?pageSize=1&page=2")).JsonAsync();
        var byChat = await (await _admin.Client.GetAsync("/api/telegram/outbox?chatId=43&kind=broadcast")).JsonAsync();

        failed.GetProperty("total").GetInt32().Should().Be(2);
        failed.GetProperty("items")[0].GetProperty("lastError").GetString().Should().Contain("chat not found");
        page.GetProperty("items").GetArrayLength().Should().Be(1);
        page.GetProperty("total").GetInt32().Should().Be(2);
        byChat.GetProperty("items").EnumerateArray().Should().ContainSingle().Which.GetProperty("chatId").GetInt64().Should().Be(43);
    }

    [Fact]
    public async Task Retry_QueuesAFailedDeliveryAgain_AndIs409ForOneThatIsNotFailed()
    {
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 400, "Bad Request: chat not found");
        var failed = await EnqueueAsync(42, "broken", "reply");
        await ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()).RunOnceAsync(CancellationToken.None);
        var pending = await EnqueueAsync(43, "later", "reply", notBefore: DateTimeOffset.UtcNow.AddDays(1));

        (await _admin.Client.PostAsync($"/api/telegram/outbox/{failed}/retry", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _admin.Client.PostAsync($"/api/telegram/outbox/{pending}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox WHERE id = @p0", failed)).Should().Be("pending");
        (await TestDatabase.ScalarAsync<int>("SELECT attempts FROM telegram_outbox WHERE id = @p0", failed)).Should().Be(0);
    }

    [Theory]
    [InlineData("status=lost")]
    [InlineData("page=0")]
    [InlineData("pageSize=500")]
    [InlineData("chatId=abc")]
    public async Task List_WithBadFilters_Returns400(string query)
    {
        await (await _admin.Client.GetAsync($"/api/telegram/outbox?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherTenant_SeesNoDelivery_AndCannotRetryOne()
    {
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 400, "Bad Request: chat not found");
        var failed = await EnqueueAsync(42, "broken", "reply");
        await ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()).RunOnceAsync(CancellationToken.None);
        var beta = await NewTenantAsync("beta");

        (await (await beta.Client.GetAsync("/api/telegram/outbox")).JsonAsync()).GetProperty("total").GetInt32().Should().Be(0);
        await (await beta.Client.PostAsync($"/api/telegram/outbox/{failed}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox WHERE id = @p0", failed)).Should().Be("failed");
    }

    [Fact]
    public async Task Members_SeeDeliveries_ButOnlyAdminsRetry()
    {
        var member = await NewMemberAsync(_admin, "user_member", "member");

        (await member.Client.GetAsync("/api/telegram/outbox")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PostAsync("/api/telegram/outbox/1/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync("/api/telegram/outbox")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<long> EnqueueAsync(long chatId, string text, string kind, DateTimeOffset? notBefore = null)
    {
        long id = 0;
        await InTenantAsync("alpha", async services =>
        {
            var row = await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                new SendText(chatId, text),
                new OutboxOptions(BotRole.MessageBot, $"{kind}:{chatId}:{text}", kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce, notBefore),
                CancellationToken.None);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
            id = row.Id;
        });
        return id;
    }
}
