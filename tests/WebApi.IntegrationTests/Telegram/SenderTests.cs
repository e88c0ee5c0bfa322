using System.Net.Http.Json;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

public sealed class SenderTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private TelegramSenderWorker? _sender;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await NewTenantAsync("alpha");
        await Given.MessageBotAsync(admin.Client, Telegram, "alpha_message_bot");
    }

    [Fact]
    public async Task AQueuedText_IsSentAsHtml_AndItsMessageIdRecorded()
    {
        await EnqueueAsync(new SendText(42, "Hello <b>trader</b> &amp; friends"), "hello");

        await SendAsync();

        var call = Telegram.Calls("sendMessage").Should().ContainSingle().Subject;
        call.Body.GetProperty("chat_id").GetInt64().Should().Be(42);
        call.Body.GetProperty("text").GetString().Should().Be("Hello <b>trader</b> &amp; friends");
        call.Body.GetProperty("parse_mode").GetString().Should().BeEquivalentTo("HTML", "Telegram reads the parse mode case-insensitively");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("sent");
        (await TestDatabase.ScalarAsync<int>("SELECT telegram_message_id FROM telegram_outbox")).Should().Be(500);
    }

    [Fact]
    public async Task AReply_WaitsForItsParent_AndRepliesToTheParentsMessageId()
    {
        var parent = await EnqueueAsync(new SendText(42, "Signal"), "parent");
        await EnqueueAsync(new SendText(42, "TP1 hit"), "child", replyTo: parent);

        await SendAsync();
        Telegram.Calls("sendMessage").Should().ContainSingle("the reply waits until its parent's message id is known");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();

        var calls = Telegram.Calls("sendMessage");
        calls.Should().HaveCount(2);
        calls[1].Body.GetProperty("reply_parameters").GetProperty("message_id").GetInt32().Should().Be(500);
    }

    [Fact]
    public async Task InteractiveReplies_GoBeforeBulkSends()
    {
        await EnqueueAsync(new SendText(1, "bulk"), "bulk", priority: OutboxPriority.Bulk);
        await EnqueueAsync(new SendText(2, "interactive"), "interactive", priority: OutboxPriority.Interactive);

        await SendAsync();

        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().Equal("interactive", "bulk");
    }

    [Fact]
    public async Task A429_PausesTheBotForRetryAfter_WithoutSpendingAnAttempt()
    {
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 429, "Too Many Requests: retry after 5", retryAfter: 5);
        await EnqueueAsync(new SendText(42, "hello"), "hello");

        await SendAsync();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("pending");
        (await TestDatabase.ScalarAsync<int>("SELECT attempts FROM telegram_outbox")).Should().Be(0);
        await SendAsync();
        Telegram.Calls("sendMessage").Should().ContainSingle("nothing goes out before retry_after");

        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("sent");
    }

    [Fact]
    public async Task AServerError_IsRetriedWithBackoff_ThenSucceeds()
    {
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 502, "Bad Gateway");
        await EnqueueAsync(new SendText(42, "hello"), "hello");

        await SendAsync();
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM telegram_outbox")).Should().Contain("502");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("sent");
    }

    [Fact]
    public async Task AUserWhoBlockedTheBot_IsMarked_AndTheMessageFailed()
    {
        await AddBotUserAsync(42);
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 403, "Forbidden: bot was blocked by the user");
        await EnqueueAsync(new SendText(42, "hello"), "hello");

        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM telegram_outbox")).Should().Contain("blocked by the user");
        (await TestDatabase.ScalarAsync<bool>("SELECT is_blocked FROM bot_users WHERE chat_id = 42")).Should().BeTrue();
    }

    [Fact]
    public async Task AUserWhoBlockedTheSignalBot_IsNotMarkedBlocked_ForTheMessageBotTheyStillTalkTo()
    {
        const string signalToken = "111111111:AAH-signal-token-secret-part-abcdefgh";
        Telegram.KnowsBot(signalToken, 111111111, "alpha_signal_bot");
        (await NewUser("user_alpha_admin").Client.PutAsJsonAsync("/api/connections/signal_bot", new { token = signalToken })).EnsureSuccessStatusCode();
        await AddBotUserAsync(42);
        Telegram.Fail(signalToken, "sendMessage", 403, "Forbidden: bot was blocked by the user");
        await InTenantAsync("alpha", async services =>
        {
            await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                new SendText(42, "from the signal bot"), new OutboxOptions(BotRole.SignalBot, "signal-dm", "test", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
                CancellationToken.None);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<bool>("SELECT is_blocked FROM bot_users WHERE chat_id = 42")).Should().BeFalse("the message bot is another bot");
    }

    [Fact]
    public async Task AnotherRefusal_FailsTheMessageWithTheReason_WithoutMarkingTheUser()
    {
        await AddBotUserAsync(42);
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 403, "Forbidden: bot can't initiate conversation with a user");
        await EnqueueAsync(new SendText(42, "hello"), "hello");

        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM telegram_outbox")).Should().Contain("initiate conversation");
        (await TestDatabase.ScalarAsync<bool>("SELECT is_blocked FROM bot_users WHERE chat_id = 42")).Should().BeFalse();
    }

    [Fact]
    public async Task AReplyToAFailedMessage_FailsWithoutBeingSent()
    {
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 400, "Bad Request: chat not found");
        var parent = await EnqueueAsync(new SendText(42, "Signal"), "parent");
        await EnqueueAsync(new SendText(42, "TP1 hit"), "child", replyTo: parent);

        await SendAsync();
        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM telegram_outbox WHERE dedupe_key = 'child'")).Should().Contain("depends on");
        Telegram.Calls("sendMessage").Should().ContainSingle();
    }

    [Fact]
    public async Task NoMoreThan30MessagesGoOutInAnySecond()
    {
        for (var chat = 1; chat <= 40; chat++)
        {
            await EnqueueAsync(new SendText(chat, "news"), $"news-{chat}", priority: OutboxPriority.Bulk);
        }

        await SendAsync();
        Telegram.Calls("sendMessage").Should().HaveCount(BotRateLimiter.PerSecond);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();
        Telegram.Calls("sendMessage").Should().HaveCount(BotRateLimiter.PerSecond, "a margin for uneven network delay keeps the window a little longer");
        Factory.Clock.Advance(BotRateLimiter.SafetyMargin);
        await SendAsync();

        Telegram.Calls("sendMessage").Should().HaveCount(40);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE status = 'sent'")).Should().Be(40);
    }

    [Fact]
    public async Task OnePrivateChat_GetsAtMostOneMessageASecond()
    {
        for (var i = 1; i <= 3; i++)
        {
            await EnqueueAsync(new SendText(42, $"message {i}"), $"m{i}");
        }

        await SendAsync();
        Telegram.Calls("sendMessage").Should().HaveCount(1);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync();

        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().Equal("message 1", "message 2");
    }

    [Fact]
    public async Task TwoSendersForOneBot_SendEachMessageOnce()
    {
        for (var chat = 1; chat <= 20; chat++)
        {
            await EnqueueAsync(new SendText(chat, "news"), $"news-{chat}");
        }

        var first = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter());
        var second = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter());
        await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));

        var chats = Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("chat_id").GetInt64()).ToList();
        chats.Should().OnlyHaveUniqueItems().And.HaveCount(20);
    }

    [Fact]
    public async Task ATelegramSlowerThanTheLease_NeverMakesAnAtMostOnceMessageGoTwice_WithTwoSenders()
    {
        // Broadcast and cross-promo messages are at most once: a duplicate in a channel or a user's chat is the failure.
        for (var chat = 1; chat <= 3; chat++)
        {
            await EnqueueAsync(new SendText(chat, "promo"), $"promo-{chat}", priority: OutboxPriority.Bulk, delivery: DeliverySemantics.AtMostOnce);
        }

        Telegram.Hangs(Given.MessageBotToken, "sendMessage", TimeSpan.FromSeconds(1.5), FakeTelegram.Message());
        var first = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter());
        var second = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter());
        var slow = first.RunOnceAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        // While the first sender waits on Telegram, its leases run out (the app's clock jumps past them) and the second takes over.
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.RunOnceAsync(CancellationToken.None);
        await slow;
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.RunOnceAsync(CancellationToken.None);

        var chats = Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("chat_id").GetInt64()).ToList();
        chats.Should().OnlyHaveUniqueItems("no message is sent by both senders");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(status, ',' ORDER BY chat_id) FROM telegram_outbox"))
            .Should().Be("unknown,sent,sent", "the call in flight when its lease ran out may have gone out, so it is never resent");
    }

    [Fact]
    public async Task AnAtMostOnceCallThatFailsAfterItMayHaveReachedTelegram_IsSettledUnknown_NotRetried()
    {
        // A 5xx or a timeout (the same branch: Telegram could not answer) says nothing about whether the message went out.
        await EnqueueAsync(new SendText(7, "promo"), "promo", priority: OutboxPriority.Bulk, delivery: DeliverySemantics.AtMostOnce);
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 502, "Bad Gateway");
        await SendAsync();
        await EnqueueAsync(new SendText(8, "reply"), "reply", delivery: DeliverySemantics.AtLeastOnce);
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 502, "Bad Gateway");
        Factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await SendAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(status, ',' ORDER BY chat_id) FROM telegram_outbox"))
            .Should().Be("unknown,sent", "at most once is never resent after a call that may have gone out; at least once is retried");
        Telegram.Calls("sendMessage").Count(c => c.Body.GetProperty("chat_id").GetInt64() == 7).Should().Be(1);
    }

    [Fact]
    public async Task ASenderThatShutsDownCleanly_HandsItsBotToTheNextInstanceAtOnce()
    {
        await EnqueueAsync(new SendText(1, "first"), "first");
        var leaving = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter());
        var next = ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter());
        await leaving.RunOnceAsync(CancellationToken.None);
        await EnqueueAsync(new SendText(2, "second"), "second");
        await next.RunOnceAsync(CancellationToken.None);
        Telegram.Calls("sendMessage").Should().ContainSingle("the first instance still holds the bot");

        await leaving.ReleaseAsync(CancellationToken.None);
        await next.RunOnceAsync(CancellationToken.None);

        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().Equal("first", "second");
    }

    [Fact]
    public async Task ACrashedSender_ResendsAtLeastOnceMessages_ButNeverResendsAnAtMostOnceCallThatMayHaveGoneOut()
    {
        await EnqueueAsync(new SendText(1, "reply"), "reply", delivery: DeliverySemantics.AtLeastOnce);
        await EnqueueAsync(new SendText(-1001, "promo before the call"), "promo-before", delivery: DeliverySemantics.AtMostOnce);
        await EnqueueAsync(new SendText(-1002, "promo after the call"), "promo-after", delivery: DeliverySemantics.AtMostOnce);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<WorkQueue>().ClaimAsync<long>(Queues.TelegramOutbox, 10, TimeSpan.FromMinutes(1), CancellationToken.None))
                .Should().HaveCount(3, "the crashed sender had claimed all three");
        }

        await TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET send_started_at = now() WHERE dedupe_key = 'promo-after'");
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync();

        Telegram.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()).Should().BeEquivalentTo("reply", "promo before the call");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox WHERE dedupe_key = 'promo-after'")).Should().Be("unknown");
    }

    [Fact]
    public async Task ChannelAdministration_CallsTheBotApi_AndKeepsTheInviteLinkItCreated()
    {
        var expiry = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var link = await EnqueueAsync(new CreateInviteLink(-1001111111111, 1, expiry, "sub-42"), "invite");
        await EnqueueAsync(new BanMember(-1001111111111, 7), "ban");
        await EnqueueAsync(new UnbanMember(-1001111111111, 7), "unban");
        await EnqueueAsync(new ApproveJoinRequest(-1001111111111, 8), "approve");
        await EnqueueAsync(new DeclineJoinRequest(-1001111111111, 9), "decline");
        await EnqueueAsync(new RevokeInviteLink(-1001111111111, "https://t.me/+old"), "revoke");
        await EnqueueAsync(new SendPhoto(-1002222222222, "https://example.com/chart.png", "<b>Chart</b>"), "photo");
        await EnqueueAsync(new ForwardMessage(-1002222222222, -1001111111111, 77), "forward");

        // A chat's calls go out in order, one per run (the channel has six).
        for (var run = 0; run < 6; run++)
        {
            await SendAsync();
        }

        var created = Telegram.Calls("createChatInviteLink").Should().ContainSingle().Subject.Body;
        created.GetProperty("member_limit").GetInt32().Should().Be(1);
        created.GetProperty("expire_date").GetInt64().Should().Be(expiry.ToUnixTimeSeconds());
        (await TestDatabase.ScalarAsync<string>("SELECT result_text FROM telegram_outbox WHERE id = @p0", link)).Should().Be("https://t.me/+single-use-link");
        Telegram.Calls("banChatMember").Single().Body.GetProperty("user_id").GetInt64().Should().Be(7);
        Telegram.Calls("unbanChatMember").Single().Body.GetProperty("only_if_banned").GetBoolean().Should().BeTrue();
        Telegram.Calls("approveChatJoinRequest").Should().ContainSingle();
        Telegram.Calls("declineChatJoinRequest").Should().ContainSingle();
        Telegram.Calls("revokeChatInviteLink").Should().ContainSingle();
        Telegram.Calls("sendPhoto").Single().Body.GetProperty("photo").GetString().Should().Be("https://example.com/chart.png");
        Telegram.Calls("forwardMessage").Single().Body.GetProperty("message_id").GetInt32().Should().Be(77);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE status = 'sent'")).Should().Be(8);
    }

    [Fact]
    public async Task MessagesOfABotThatWasDisconnected_FailWithTheReason_InsteadOfWaitingForever()
    {
        await EnqueueAsync(new SendText(42, "hello"), "hello");
        await TestDatabase.ExecuteAsync("DELETE FROM tenant_bot_connections");

        await SendAsync();

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_outbox")).Should().Be("failed");
        (await TestDatabase.ScalarAsync<string>("SELECT last_error FROM telegram_outbox")).Should().Contain("no longer connected");
        Telegram.Calls("sendMessage").Should().BeEmpty();
    }

    [Fact]
    public async Task AQueuedMessage_WakesTheSender_OnceItsTransactionCommits()
    {
        var signal = Factory.Services.GetRequiredService<WorkSignal>();
        await signal.WaitAsync(Queues.TelegramOutbox, TimeSpan.Zero, CancellationToken.None);
        (await signal.WaitAsync(Queues.TelegramOutbox, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse();

        await EnqueueAsync(new SendText(42, "hello"), "hello");

        (await signal.WaitAsync(Queues.TelegramOutbox, TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task TheSameDedupeKey_IsQueuedOnce_AndSentOnce()
    {
        var first = await EnqueueAsync(new SendText(42, "once"), "same-key");

        var second = await EnqueueAsync(new SendText(42, "twice"), "same-key");
        await SendAsync();

        second.Should().Be(first);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox")).Should().Be(1);
        Telegram.Calls("sendMessage").Should().ContainSingle().Which.Body.GetProperty("text").GetString().Should().Be("once");
    }

    private async Task<long> EnqueueAsync(
        OutgoingMessage message, string dedupeKey, long? replyTo = null, OutboxPriority priority = OutboxPriority.Interactive,
        DeliverySemantics delivery = DeliverySemantics.AtLeastOnce)
    {
        long id = 0;
        if (replyTo is not null && message is SendText text)
        {
            message = text with { ReplyToOutboxId = replyTo };
        }

        await InTenantAsync("alpha", async services =>
        {
            var row = await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                message, new OutboxOptions(BotRole.MessageBot, dedupeKey, "test", priority, delivery), CancellationToken.None);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
            id = row.Id;
        });
        return id;
    }

    private async Task AddBotUserAsync(long chatId) =>
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.Add(BotUser.FirstSeen("alpha", chatId, "someone", "Some", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

    /// <summary>A sender of this test's own (the app's limiter remembers earlier tests' sends to the same chats).</summary>
    private Task SendAsync() => (_sender ??= ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()))
        .RunOnceAsync(CancellationToken.None);
}
