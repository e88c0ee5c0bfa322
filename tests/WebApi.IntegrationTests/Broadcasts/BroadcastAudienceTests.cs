using System.Net;
using System.Net.Http.Json;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Broadcasts;

/// <summary><c>GET /api/broadcasts/audience</c>: counted as the sender picks its recipients, so the count is what a broadcast reaches.</summary>
public sealed class BroadcastAudienceTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    private const string CouponBotToken = "444444444:AAH-coupon-token-secret-part-xyzabcd";

    [Theory]
    [InlineData("all", 4, 2)]
    [InlineData("vip", 2, 1)]
    [InlineData("free_leads", 6, 1)]
    [InlineData("coupon_users", 2, 1)]
    public async Task TheCount_IsWhatABroadcastToTheAudienceThenFixesAsItsRecipients(string audience, int recipients, int reachable)
    {
        await AudienceOfEveryKindAsync();

        var counted = await (await Admin.GetAsync($"/api/broadcasts/audience?audience={audience}")).JsonAsync();
        var created = await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Hello", audience })).JsonAsync(HttpStatusCode.Created);
        await DrainAsync();
        var broadcast = await (await Admin.GetAsync($"/api/broadcasts/{created.GetProperty("id").GetInt32()}")).JsonAsync();

        counted.GetProperty("audience").GetString().Should().Be(audience);
        counted.GetProperty("recipients").GetInt32().Should().Be(recipients);
        counted.GetProperty("reachable").GetInt32().Should().Be(reachable);
        broadcast.GetProperty("progress").GetProperty("recipients").GetInt32().Should().Be(reachable, "the count and the send pick the same people");
    }

    [Fact]
    public async Task WithoutAnAudience_ItCountsAll_ForMembersToo_AndAnotherTenantsUsersNeverCount()
    {
        await AudienceOfEveryKindAsync();
        await Given.TenantAsync(App, Identity, "user_audience_beta", "beta");
        await App.Services.GetRequiredService<TenantScopes>().RunAsync("beta", async (services, _) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.AddRange(
                BotUser.FirstSeen("beta", 602, null, "Same chat, other tenant", null, App.Clock.GetUtcNow()),
                BotUser.FirstSeen("beta", 990, null, "Beta only", null, App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }, CancellationToken.None);
        var member = await Given.MemberAsync(App, Identity, Admin, "user_audience_member");

        var counted = await (await member.GetAsync("/api/broadcasts/audience")).JsonAsync();

        counted.GetProperty("audience").GetString().Should().Be("all");
        counted.GetProperty("recipients").GetInt32().Should().Be(4);
        counted.GetProperty("reachable").GetInt32().Should().Be(2);
        var beta = Given.SignedIn(App, Identity, "user_audience_beta");
        var theirs = await (await beta.GetAsync("/api/broadcasts/audience?audience=all")).JsonAsync();
        theirs.GetProperty("recipients").GetInt32().Should().Be(2);
        theirs.GetProperty("reachable").GetInt32().Should().Be(2);
        (await (await beta.GetAsync("/api/broadcasts/audience?audience=vip")).JsonAsync()).GetProperty("recipients").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task AnUnknownAudience_Is400NamingIt_AndAnAnonymousCaller401()
    {
        await (await Admin.GetAsync("/api/broadcasts/audience?audience=everyone")).ShouldHaveFieldErrorAsync("audience");
        (await App.CreateClient().GetAsync("/api/broadcasts/audience")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// Message bot: 601 (VIP) and 602 reachable, 603 unsubscribed, 604 blocked it; 650 is VIP without ever starting the
    /// bot; 660 is only in the FREE channel; the coupon bot knows 701 and 702, who blocked it.
    /// </summary>
    private async Task AudienceOfEveryKindAsync()
    {
        foreach (var chat in new long[] { 601, 602, 603, 604 })
        {
            await SayAsync("/start", fromId: chat);
        }

        await SayAsync("/stop", fromId: 603);
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 403, "Forbidden: bot was blocked by the user");
        await SayAsync("hello", fromId: 604);
        foreach (var (email, user) in new[] { ("vip601@example.com", 601L), ("vip650@example.com", 650L) })
        {
            (await Admin.PostAsJsonAsync("/api/subscriptions/grant", new { email, plan = "lifetime", telegramUserId = user })).EnsureSuccessStatusCode();
        }

        // Connected last: the conversations above go to the message bot's webhook, found by the last webhook set.
        Telegram.KnowsBot(CouponBotToken, 444444444, "alpha_coupon_bot");
        Telegram.AcceptsMessages(CouponBotToken);
        (await Admin.PutAsJsonAsync("/api/connections/coupon_bot", new { token = CouponBotToken })).EnsureSuccessStatusCode();
        await App.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", async (services, _) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var now = App.Clock.GetUtcNow();
            var blocked = BotUser.FirstSeenByCouponBot("alpha", 702, null, "Blocked", null, now);
            blocked.MarkCouponBotBlocked();
            db.BotUsers.AddRange(BotUser.FirstSeenByCouponBot("alpha", 701, null, "Coupon", null, now), blocked);
            db.ChannelMemberships.Add(ChannelMembership.Joined("alpha", ChannelKind.Free, 660, null, null, now));
            await db.SaveChangesAsync();
        }, CancellationToken.None);
        await DrainAsync();
    }
}
