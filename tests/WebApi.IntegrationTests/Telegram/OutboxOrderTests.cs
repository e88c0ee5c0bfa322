using Npgsql;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>
/// A chat gets its messages in the order they were queued, also when Telegram fails one of them for a while (found by
/// the fault suite: a journey's follow-up, due after a short delay, overtook the message before it, which was waiting
/// for a retry after a slow Bot API).
/// </summary>
public sealed class OutboxOrderTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private TelegramSenderWorker? _sender;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await NewTenantAsync("alpha");
        await Given.MessageBotAsync(admin.Client, Telegram, "alpha_message_bot");
    }

    [Fact]
    public async Task AMessageWaitingForARetry_HoldsBackTheLaterMessagesToItsChat_ButNoOtherChats()
    {
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 502, "Bad Gateway");
        await EnqueueAsync(new SendText(42, "Thanks Ana"), "thanks");
        await SendAsync();
        await EnqueueAsync(new SendText(42, "Follow-up"), "follow-up");
        await EnqueueAsync(new SendText(43, "Someone else's"), "other");

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();
        Texts().Should().Equal(["Thanks Ana", "Someone else's"], "the follow-up waits for the thanks, which waits for its retry");

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();

        Texts().Should().Equal("Thanks Ana", "Someone else's", "Thanks Ana", "Follow-up");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(status, ',' ORDER BY id) FROM telegram_outbox")).Should().Be("sent,sent,sent");
    }

    [Fact]
    public async Task ALessUrgentEarlierMessage_HoldsBackNothing()
    {
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 502, "Bad Gateway");
        await EnqueueAsync(new SendText(42, "Broadcast"), "broadcast", OutboxPriority.Bulk);
        await SendAsync();
        await EnqueueAsync(new SendText(42, "Welcome"), "welcome");

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();

        Texts().Should().Equal(["Broadcast", "Welcome"], "a reply does not wait for a broadcast's retry");
    }

    [Fact]
    public async Task AnEarlierMessageThatFailedForGood_HoldsBackNothing()
    {
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 400, "Bad Request: message is too long");
        await EnqueueAsync(new SendText(42, "Too long"), "too-long");
        await SendAsync();
        await EnqueueAsync(new SendText(42, "Next"), "next");

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();

        Texts().Should().Equal("Too long", "Next");
    }

    [Fact]
    public async Task TheClaim_FindsEarlierUnfinishedMessagesThroughItsIndex_NotByReadingAChatsHistory()
    {
        await TestDatabase.ExecuteAsync(
            "INSERT INTO telegram_outbox (tenant_id, bot_role, bot_telegram_id, chat_id, method, payload, delivery, priority, kind, status, attempts, next_attempt_at, dedupe_key, created_at) " +
            "SELECT 'alpha', 'message_bot', 1, g % 50, 'sendMessage', '{}'::jsonb, 'at_least_once', 0, 'test', CASE WHEN g % 20 = 0 THEN 'pending' ELSE 'sent' END, 0, now(), 'plan-' || g, now() " +
            "FROM generate_series(1, 30000) AS g");
        await TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET depends_on_id = id - 1 WHERE id % 40 = 0");
        await TestDatabase.ExecuteAsync("ANALYZE telegram_outbox");
        var sql = typeof(QueueDefinition).GetProperty("Sql", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(Queues.TelegramOutbox)!;
        var claim = (string)sql.GetType().GetProperty("Claim")!.GetValue(sql)!;

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + claim, connection)
        {
            Parameters =
            {
                new("pending", "pending"), new("claimed", "sending"), new("now", DateTimeOffset.UtcNow), new("batch", 60),
                new("lockedUntil", DateTimeOffset.UtcNow.AddMinutes(1)), new("scope", 1L), new("scopeTenant", "alpha"),
            },
        };
        var plan = (string)(await explain.ExecuteScalarAsync())!;

        plan.Should().Contain("ix_telegram_outbox_unfinished_per_chat").And.NotContain("Seq Scan",
            "neither the order per chat nor a reply's wait for its parent reads the outbox's history");
    }

    private List<string?> Texts() => [.. Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString())];

    private async Task EnqueueAsync(OutgoingMessage message, string dedupeKey, OutboxPriority priority = OutboxPriority.Interactive) =>
        await InTenantAsync("alpha", async services =>
        {
            await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                message, new OutboxOptions(BotRole.MessageBot, dedupeKey, "test", priority, DeliverySemantics.AtLeastOnce), CancellationToken.None);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    /// <summary>A sender of this test's own (the app's limiter remembers earlier tests' sends to the same chats).</summary>
    private Task SendAsync() => (_sender ??= ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()))
        .RunOnceAsync(CancellationToken.None);
}
