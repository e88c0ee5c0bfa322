using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>Private messages through the whole path: webhook, inbox, routing, outbox, sender, fake Bot API.</summary>
public sealed class RoutingTests(AppFixture fixture, ClassApp app) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private PromoStackFactory _app = null!;
    private Session _admin = null!;
    private Guid _webhookId;
    private string _secret = null!;
    private RecordedPosts _posts = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(Identity, telegram: Telegram)
        {
            ConfigureServices = services =>
            {
                services.AddScoped<IStartPayloadHandler, PromoDeepLink>();
                services.AddScoped<IConversationHandler, PriceKeyword>();
                services.AddScoped<IJoinRequestHandler, ApproveEveryone>();
                services.AddSingleton<RecordedPosts>();
                services.AddScoped<IChannelPostHandler, RecordPosts>();
            },
        });
        _posts = _app.Services.GetRequiredService<RecordedPosts>();
        _posts.Posts.Clear();
        _admin = new Session(await Given.TenantAsync(_app, Identity, "user_alpha_admin"), "user_alpha_admin", "alpha");
        var saved = await Given.MessageBotAsync(_admin.Client, Telegram, "alpha_message_bot");
        _webhookId = saved.GetProperty("webhookId").GetGuid();
        _secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
    }

    [Fact]
    public async Task Start_RepliesWithTheTenantsWelcome()
    {
        await _admin.Client.PutAsJsonAsync("/api/bot-config", new { settings = new Dictionary<string, string?> { ["welcome_message"] = "Welcome to <b>Alpha</b>!" } });

        var replies = await ConverseAsync("/start");

        replies.Should().Equal("Welcome to <b>Alpha</b>!");
    }

    [Fact]
    public async Task Start_WithAFeaturesPayload_GoesToThatFeature_AndAnUnknownPayloadGetsTheWelcome()
    {
        (await ConverseAsync("/start promo_monthly")).Should().Equal("Promo plans for promo_monthly");
        (await ConverseAsync("/start ref_ABC123-x_9", updateId: 2)).Should().ContainSingle().Which.Should().StartWith("Welcome!");
    }

    [Fact]
    public async Task Help_AndStop_ReplyWithTheirTexts_AndStopUnsubscribesUntilTheNextStart()
    {
        (await ConverseAsync("/help@alpha_message_bot", updateId: 1)).Should().ContainSingle().Which.Should().Contain("/start");
        (await ConverseAsync("/stop", updateId: 2)).Should().ContainSingle().Which.Should().StartWith("Done");
        (await TestDatabase.ScalarAsync<bool>("SELECT unsubscribed_at IS NOT NULL FROM bot_users WHERE chat_id = 42")).Should().BeTrue();

        await ConverseAsync("/start", updateId: 3);

        (await TestDatabase.ScalarAsync<bool>("SELECT unsubscribed_at IS NULL FROM bot_users WHERE chat_id = 42")).Should().BeTrue();
    }

    [Fact]
    public async Task PlainText_GoesToTheConversationHandlers_BeforeTheDefaultReply()
    {
        (await ConverseAsync("price please", updateId: 1)).Should().Equal("Gold is at 2000.00");
        (await ConverseAsync("what is this?", updateId: 2)).Should().ContainSingle().Which.Should().StartWith("Sorry");
    }

    [Fact]
    public async Task ACommand_TakesPrecedenceOverKeywords_AndAnUnknownCommandGetsTheDefaultReply()
    {
        (await ConverseAsync("/price", updateId: 1)).Should().ContainSingle().Which.Should().StartWith("Sorry");
    }

    [Fact]
    public async Task TheSameUpdateDeliveredTwice_IsAnsweredOnce()
    {
        var body = PrivateText(7, "/help");
        await PostAsync(body);
        await PostAsync(body);
        await ProcessAndSendAsync();

        Telegram.Calls("sendMessage").Should().ContainSingle();
    }

    [Fact]
    public async Task AButtonPress_IsAnswered()
    {
        await PostAsync(new JsonObject
        {
            ["update_id"] = 9,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cbq-1", ["chat_instance"] = "1", ["data"] = "plan:monthly",
                ["from"] = new JsonObject { ["id"] = 42, ["is_bot"] = false, ["first_name"] = "Some" },
                ["message"] = new JsonObject
                {
                    ["message_id"] = 500, ["date"] = 1_700_000_000, ["text"] = "Plans",
                    ["chat"] = new JsonObject { ["id"] = 42, ["type"] = "private" },
                },
            },
        }.ToJsonString());

        await ProcessAndSendAsync();

        Telegram.Calls("answerCallbackQuery").Should().ContainSingle().Which.Body.GetProperty("callback_query_id").GetString().Should().Be("cbq-1");
    }

    [Fact]
    public async Task AJoinRequestToTheTenantsFreeChannel_GoesToTheFeaturesThatDecideIt()
    {
        var signal = await Given.SignalBotAsync(_admin.Client, Telegram, -1001111111111, -1002222222222);
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{signal.GetProperty("webhookId").GetGuid()}/webhook")
        {
            Content = new StringContent(new JsonObject
            {
                ["update_id"] = 31,
                ["chat_join_request"] = new JsonObject
                {
                    ["chat"] = new JsonObject { ["id"] = -1002222222222, ["type"] = "channel", ["title"] = "Free" },
                    ["from"] = new JsonObject { ["id"] = 55, ["is_bot"] = false, ["first_name"] = "Payer" },
                    ["user_chat_id"] = 55, ["date"] = 1_700_000_000,
                },
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await _app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        await ProcessAndSendAsync();

        var approval = Telegram.Calls("approveChatJoinRequest").Should().ContainSingle().Subject.Body;
        approval.GetProperty("user_id").GetInt64().Should().Be(55);
    }

    [Fact]
    public async Task PostsInTheTenantsChannels_GoToEveryChannelPostHandler_WithTheirKindAndText_AndOtherChannelsAreIgnored()
    {
        Telegram.KnowsBot(Given.SignalBotToken, Given.SignalBotId, "alpha_signal_bot");
        Telegram.KnowsChannel(Given.SignalBotToken, -1002222222222, "alpha_free");
        var signal = await (await _admin.Client.PutAsJsonAsync("/api/connections/signal_bot",
            new { token = Given.SignalBotToken, channelId = "-1001111111111", freeChannelId = "@alpha_free" })).JsonAsync();
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
        async Task PostInChannelAsync(long updateId, JsonObject chat, JsonObject post)
        {
            post["chat"] = chat;
            post["message_id"] = (int)updateId;
            post["date"] = 1_700_000_000;
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{signal.GetProperty("webhookId").GetGuid()}/webhook")
            {
                Content = new StringContent(new JsonObject { ["update_id"] = updateId, ["channel_post"] = post }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            (await _app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        }

        await PostInChannelAsync(41, new JsonObject { ["id"] = -1001111111111, ["type"] = "channel", ["title"] = "VIP" }, new JsonObject { ["text"] = "BUY XAU/USD" });
        await PostInChannelAsync(
            42, new JsonObject { ["id"] = -1002222222222, ["type"] = "channel", ["title"] = "Free", ["username"] = "Alpha_Free" },
            new JsonObject { ["caption"] = "Chart", ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "f", ["file_unique_id"] = "u", ["width"] = 1, ["height"] = 1 }) });
        await PostInChannelAsync(43, new JsonObject { ["id"] = -1003333333333, ["type"] = "channel", ["title"] = "Someone else's" }, new JsonObject { ["text"] = "x" });
        await ProcessAndSendAsync();

        _posts.Posts.Should().BeEquivalentTo(
        [
            ("alpha", PromoStack.Domain.Telegram.ChannelKind.Vip, 41, "BUY XAU/USD", false),
            ("alpha", PromoStack.Domain.Telegram.ChannelKind.Free, 42, "Chart", true),
        ]);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status = 'processed' AND kind = 'channel_post'")).Should().Be(3);
    }

    private async Task<IReadOnlyList<string>> ConverseAsync(string text, long updateId = 1)
    {
        var before = Telegram.Calls("sendMessage").Count;
        await PostAsync(PrivateText(updateId, text));
        await ProcessAndSendAsync();
        return Telegram.Calls("sendMessage").Skip(before).Select(c => c.Body.GetProperty("text").GetString()!).ToList();
    }

    private async Task ProcessAndSendAsync()
    {
        var inbox = _app.Services.GetRequiredService<TelegramInboxWorker>();
        while (await inbox.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        // Each conversation step is a second apart, as people type: the per-chat limit is not what is tested here.
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await _app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
    }

    private async Task PostAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{_webhookId}/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", _secret);
        (await _app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static string PrivateText(long updateId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId, ["date"] = 1_700_000_000, ["text"] = text,
            ["from"] = new JsonObject { ["id"] = 42, ["is_bot"] = false, ["first_name"] = "Some" },
            ["chat"] = new JsonObject { ["id"] = 42, ["type"] = "private", ["first_name"] = "Some" },
        },
    }.ToJsonString();

    private sealed class PromoDeepLink(BotReplies replies) : IStartPayloadHandler
    {
        public string Prefix => "promo";

        public Task HandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken) =>
            replies.ReplyAsync(context, $"Promo plans for {TelegramHtml.Escape(payload)}", cancellationToken);
    }

    private sealed class ApproveEveryone(ITelegramOutbox outbox) : IJoinRequestHandler
    {
        public async Task<bool> TryHandleAsync(string tenantId, PromoStack.Domain.Telegram.ChannelKind channel, JoinRequested request, CancellationToken cancellationToken)
        {
            await outbox.EnqueueAsync(
                new ApproveJoinRequest(request.ChatId, request.From.Id),
                new OutboxOptions(PromoStack.Domain.Connections.BotRole.SignalBot, $"approve:{request.UpdateId}", "join_approval",
                    PromoStack.Domain.Telegram.OutboxPriority.Interactive, PromoStack.Domain.Telegram.DeliverySemantics.AtLeastOnce),
                cancellationToken);
            return true;
        }
    }

    private sealed class RecordedPosts
    {
        public List<(string Tenant, PromoStack.Domain.Telegram.ChannelKind Channel, int MessageId, string? Text, bool HasMedia)> Posts { get; } = [];
    }

    private sealed class RecordPosts(RecordedPosts recorded) : IChannelPostHandler
    {
        public Task HandleAsync(string tenantId, PromoStack.Domain.Telegram.ChannelKind channel, ChannelPosted post, CancellationToken cancellationToken)
        {
            lock (recorded)
            {
                recorded.Posts.Add((tenantId, channel, post.MessageId, post.Text, post.HasMedia));
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PriceKeyword(BotReplies replies) : IConversationHandler
    {
        public ConversationStage Stage => ConversationStage.Keyword;

        public async Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken)
        {
            if (!context.Text.Contains("price", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            await replies.ReplyAsync(context, "Gold is at 2000.00", cancellationToken);
            return true;
        }
    }
}
