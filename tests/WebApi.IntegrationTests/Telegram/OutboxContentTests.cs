using System.Text.Json;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>The outbox list shows each delivery as its chat shows it (text, buttons, photo captions), never the stored call, and a person's messages to admins only.</summary>
public sealed class OutboxContentTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const long Channel = -1001234567890;
    private const long Person = 987654321;
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
        await Given.MessageBotAsync(_admin.Client, Telegram, "alpha_message_bot");
    }

    [Fact]
    public async Task List_ShowsTextsWithTheirParseModeAndButtons_PhotosWithTheirCaption_AndRepliesWithWhatTheyAnswer()
    {
        var post = await EnqueueAsync(new SendText(Channel, "<b>BUY</b> XAU/USD &amp; more", [
            [new InlineButton("Join VIP", Url: "https://example.com/vip")],
            [new InlineButton("Yes", CallbackData: "answer:yes"), new InlineButton("No", CallbackData: "answer:no")],
        ]), "post");
        await EnqueueAsync(new SendText(Channel, "✅ <b>TP1 hit</b>", ReplyToOutboxId: post), "reply");
        await EnqueueAsync(new SendPhoto(Channel, "https://example.com/chart.png", "Today's <i>chart</i>"), "photo");

        var items = (await (await _admin.Client.GetAsync("/api/telegram/outbox")).JsonAsync()).GetProperty("items");

        var text = Item(items, post).GetProperty("content");
        text.GetProperty("kind").GetString().Should().Be("text");
        text.GetProperty("text").GetString().Should().Be("<b>BUY</b> XAU/USD &amp; more");
        text.GetProperty("parseMode").GetString().Should().Be("HTML");
        text.GetProperty("caption").ValueKind.Should().Be(JsonValueKind.Null);
        var rows = text.GetProperty("buttons");
        rows.GetArrayLength().Should().Be(2);
        rows[0][0].GetProperty("text").GetString().Should().Be("Join VIP");
        rows[0][0].GetProperty("url").GetString().Should().Be("https://example.com/vip");
        rows[1].EnumerateArray().Select(b => b.GetProperty("callbackData").GetString()).Should().Equal("answer:yes", "answer:no");

        var reply = items.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "reply");
        reply.GetProperty("dependsOnId").GetInt64().Should().Be(post);
        reply.GetProperty("content").GetProperty("kind").GetString().Should().Be("reply");
        reply.GetProperty("content").GetProperty("text").GetString().Should().Be("✅ <b>TP1 hit</b>");

        var photo = items.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "photo").GetProperty("content");
        photo.GetProperty("kind").GetString().Should().Be("photo");
        photo.GetProperty("caption").GetString().Should().Be("Today's <i>chart</i>");
        photo.GetProperty("text").ValueKind.Should().Be(JsonValueKind.Null);
        photo.GetProperty("images").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task List_NeverShowsTheStoredCall_NorTheInviteLinkAMessageCarries()
    {
        await Given.SignalBotAsync(_admin.Client, Telegram, Channel);
        var link = await EnqueueAsync(new CreateInviteLink(Channel, 1, null, "VIP #1"), "invite", BotRole.SignalBot);
        await EnqueueAsync(new SendTextWithResult(Person, link, $"Your link: {SendTextWithResult.ResultPlaceholder}"), "welcome");
        await ActivatorUtilities.CreateInstance<TelegramSenderWorker>(Factory.Services, new BotRateLimiter()).RunOnceAsync(CancellationToken.None);
        (await TestDatabase.ScalarAsync<string>("SELECT result_text FROM telegram_outbox WHERE id = @p0", link)).Should().Be("https://t.me/+single-use-link");

        var response = await (await _admin.Client.GetAsync("/api/telegram/outbox")).Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(response).RootElement.GetProperty("items");

        response.Should().NotContain("single-use-link").And.NotContain("payload").And.NotContain("chat_id");
        var welcome = items.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "welcome").GetProperty("content");
        welcome.GetProperty("kind").GetString().Should().Be("text", "it carries the link, it answers nothing");
        welcome.GetProperty("text").GetString().Should().Be("Your link: [invite link]");
        var invite = Item(items, link).GetProperty("content");
        invite.GetProperty("kind").GetString().Should().Be("none");
        invite.GetProperty("text").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task AMember_SeesChannelPosts_ButNotAPersonsChatIdNorWhatWasSentToThem()
    {
        await EnqueueAsync(new SendText(Channel, "Channel news"), "post");
        await EnqueueAsync(new SendText(Person, "Pay here", [[new InlineButton("Pay now", Url: "https://checkout.stripe.test/c/pay/cs_test_1")]]), "private");
        var member = await NewMemberAsync(_admin, "user_outbox_member", "member");

        var seen = await (await member.Client.GetAsync("/api/telegram/outbox")).Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(seen).RootElement.GetProperty("items");
        var adminItems = (await (await _admin.Client.GetAsync("/api/telegram/outbox")).JsonAsync()).GetProperty("items");

        seen.Should().NotContain("Pay here").And.NotContain("cs_test_1").And.NotContain(Person.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var personal = items.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "private");
        personal.GetProperty("chatId").ValueKind.Should().Be(JsonValueKind.Null);
        personal.GetProperty("content").ValueKind.Should().Be(JsonValueKind.Null);
        var post = items.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "post");
        post.GetProperty("chatId").GetInt64().Should().Be(Channel);
        post.GetProperty("content").GetProperty("text").GetString().Should().Be("Channel news");
        var full = adminItems.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "private");
        full.GetProperty("chatId").GetInt64().Should().Be(Person);
        full.GetProperty("content").GetProperty("buttons")[0][0].GetProperty("url").GetString().Should().Contain("cs_test_1");
    }

    private static JsonElement Item(JsonElement items, long id) => items.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);

    private async Task<long> EnqueueAsync(OutgoingMessage message, string kind, BotRole bot = BotRole.MessageBot)
    {
        long id = 0;
        await InTenantAsync("alpha", async services =>
        {
            var row = await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(
                message, new OutboxOptions(bot, $"{kind}:{Guid.NewGuid():N}", kind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce), CancellationToken.None);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
            id = row.Id;
        });
        return id;
    }
}
