using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PromoStack.Infrastructure.Broadcasts;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Bot;

/// <summary>The coupon bot as a bot of its own: its connection, its users as a broadcast audience, blocking per bot.</summary>
public sealed class CouponBotAudienceTests(AppFixture fixture, ClassApp classApp) : CouponBotTestBase(fixture, classApp)
{
    [Fact]
    public async Task The_coupon_bot_is_a_bot_of_its_own_never_the_message_bots()
    {
        await Given.MessageBotAsync(Admin, Telegram, "alpha_bot");

        var sameAsMessageBot = await Admin.PutAsJsonAsync("/api/connections/coupon_bot", new { token = Given.MessageBotToken });
        (await sameAsMessageBot.JsonAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().Should().Contain("coupon bot is a bot of its own");
        var sameAsCouponBot = await Admin.PutAsJsonAsync("/api/connections/message_bot", new { token = CouponBotToken });
        sameAsCouponBot.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var withChannel = await Admin.PutAsJsonAsync("/api/connections/coupon_bot", new { token = CouponBotToken, channelId = "-1001234567890" });
        withChannel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var connections = await (await Admin.GetAsync("/api/connections")).JsonAsync();
        connections.EnumerateArray().Select(c => c.GetProperty("role").GetString()).Should().BeEquivalentTo("coupon_bot", "message_bot");
        connections.GetRawText().Should().NotContain(CouponBotToken);
    }

    [Fact]
    public async Task A_coupon_users_broadcast_goes_through_the_coupon_bot_to_its_users_only_and_a_message_bot_one_never_reaches_them()
    {
        await Given.MessageBotAsync(Admin, Telegram, "alpha_bot");
        PartnerSays("SAVE20", 400);
        await SayAsync("SAVE20", from: 601);
        await SayAsync("SAVE20", from: 602);
        await BlockAsync(602);

        (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "New templates!", audience = "coupon_users" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Message bot news", audience = "all" })).EnsureSuccessStatusCode();
        await RunBroadcastsAsync();

        var sent = Telegram.Calls("sendMessage").Where(c => c.Body.GetProperty("text").GetString() is "New templates!" or "Message bot news").ToList();
        sent.Should().ContainSingle().Which.Should().Match<(string Token, JsonElement Body)>(
            c => c.Token == CouponBotToken && c.Body.GetProperty("chat_id").GetInt64() == 601);
    }

    [Fact]
    public async Task A_coupon_users_broadcast_needs_the_coupon_bot()
    {
        (await Admin.DeleteAsync("/api/connections/coupon_bot")).EnsureSuccessStatusCode();

        var response = await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Hi", audience = "coupon_users" });

        (await response.JsonAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().Should().Contain("coupon bot");
    }

    [Fact]
    public async Task A_user_found_blocked_by_a_send_is_marked_for_the_coupon_bot_only()
    {
        PartnerSays("SAVE20", 400);
        Telegram.Fail(CouponBotToken, "sendMessage", 403, "Forbidden: bot was blocked by the user");

        await SayAsync("SAVE20");

        var user = await ReadAsync(db => db.BotUsers.SingleAsync());
        user.CouponBotBlocked.Should().BeTrue();
        user.IsBlocked.Should().BeFalse();
    }

    private async Task BlockAsync(long chatId)
    {
        await PostAsync(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Bo" },
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Bo" },
                ["date"] = 1_700_000_000,
                ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = CouponBotId, ["is_bot"] = true, ["first_name"] = "bot" } },
                ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["until_date"] = 0, ["user"] = new JsonObject { ["id"] = CouponBotId, ["is_bot"] = true, ["first_name"] = "bot" } },
            },
        });
        await DrainAsync();
    }

    private async Task RunBroadcastsAsync()
    {
        for (var round = 0; round < 10; round++)
        {
            var work = await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
            await DrainAsync();
            if (work == 0)
            {
                return;
            }
        }
    }
}
