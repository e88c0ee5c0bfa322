using System.Net;
using System.Text.Json;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Audience;

/// <summary>The audience: every bot user, searched, filtered and paged by keyset; one user's timeline; the VIP members; the chip counts.</summary>
public sealed class AudienceTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
    }

    [Fact]
    public async Task Users_AreNewestFirst_AndPagedByKeyset_ThroughEveryUser_EvenWhenSomeJoinAtTheSameInstant()
    {
        await UsersAsync("alpha", db =>
        {
            for (var i = 1; i <= 5; i++)
            {
                db.BotUsers.Add(BotUser.FirstSeen("alpha", 100 + i, $"user{i}", "U", null, Now.AddMinutes(i)));
            }

            // Two users met at the same instant: the Telegram id breaks the tie, so neither is skipped or repeated.
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 201, "twin_a", "T", null, Now.AddMinutes(3)));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 202, "twin_b", "T", null, Now.AddMinutes(3)));
        });

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await _admin.Client.GetAsync($"/api/audience/users?pageSize=3{(cursor is null ? string.Empty : $"&cursor={cursor}")}")).JsonAsync();
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
            page.GetProperty("pageSize").GetInt32().Should().Be(3);
            pages++;

            if (pages == 1)
            {
                // A user joining between pages is not on the later pages and shifts nothing.
                await UsersAsync("alpha", db => db.BotUsers.Add(BotUser.FirstSeen("alpha", 999, "late", "L", null, Now.AddHours(1))));
            }
        }
        while (cursor is not null);

        seen.Should().Equal(105, 104, 202, 201, 103, 102, 101);
        pages.Should().Be(3);
    }

    [Fact]
    public async Task Users_AreFoundByName_Username_OrTelegramId_WithWildcardsTakenLiterally()
    {
        await UsersAsync("alpha", db =>
        {
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 1, "goldtrader", "Ana", "Silva", Now));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 2, "ana_fx", "Bruno", "Costa", Now.AddMinutes(1)));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 3, "percent", "100%", "Real", Now.AddMinutes(2)));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 44, null, "Zed", null, Now.AddMinutes(3)));
        });

        (await SearchAsync("ana")).Should().Equal(2, 1);
        (await SearchAsync("@ANA")).Should().Equal(2);
        (await SearchAsync("ana silva")).Should().Equal(1);
        (await SearchAsync("COSTA")).Should().Equal(2);
        (await SearchAsync("44")).Should().Equal(44);
        (await SearchAsync("%")).Should().Equal(3);
        (await SearchAsync("_")).Should().Equal(2);
        (await SearchAsync("nobody")).Should().BeEmpty();
    }

    [Fact]
    public async Task Users_AreFilteredByVip_FreeLead_Blocked_Unsubscribed_CouponUse_AndJoinTime()
    {
        await UsersAsync("alpha", db =>
        {
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 1, "vip", "V", null, Now));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "vip@example.com", PlanType.Monthly, Now, Now.AddMonths(1), telegramUserId: 1));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 2, "former", "F", null, Now.AddDays(1)));
            db.TelegramSubscriptions.Add(Ended(2));
            var blocked = BotUser.FirstSeen("alpha", 3, "blocker", "B", null, Now.AddDays(2));
            blocked.MarkBlocked();
            db.BotUsers.Add(blocked);
            var couponBlocked = BotUser.FirstSeenByCouponBot("alpha", 4, "coupon", "C", null, Now.AddDays(3));
            couponBlocked.MarkCouponBotBlocked();
            db.BotUsers.Add(couponBlocked);
            var stopped = BotUser.FirstSeen("alpha", 5, "stopped", "S", null, Now.AddDays(4));
            stopped.Unsubscribe(Now.AddDays(4));
            db.BotUsers.Add(stopped);
            var checkout = BotUser.FirstSeen("alpha", 6, "checkout", "K", null, Now.AddDays(5));
            db.BotUsers.Add(checkout);
            db.TelegramSubscriptions.Add(Unpaid(6));
        });

        (await FilterAsync("vip=true")).Should().Equal(1);
        (await FilterAsync("vip=false")).Should().Equal(6, 5, 4, 3, 2);
        (await FilterAsync("freeLead=true")).Should().Equal([6, 5, 4, 3], "an unpaid checkout does not make a payer");
        (await FilterAsync("freeLead=false")).Should().Equal(2, 1);
        (await FilterAsync("blockedBy=message_bot")).Should().Equal(3);
        (await FilterAsync("blockedBy=signal_bot")).Should().Equal(3);
        (await FilterAsync("blockedBy=coupon_bot")).Should().Equal(4);
        (await FilterAsync("blockedBy=any")).Should().Equal(4, 3);
        (await FilterAsync("unsubscribed=true")).Should().Equal(5);
        (await FilterAsync("couponUser=true")).Should().Equal(4);
        (await FilterAsync("couponUser=false&unsubscribed=false&vip=false")).Should().Equal(6, 3, 2);
        (await FilterAsync($"joinedFrom={Q(Now.AddDays(1))}&joinedTo={Q(Now.AddDays(3))}")).Should().Equal([3, 2], "from is inclusive, to exclusive");

        var user = (await (await _admin.Client.GetAsync("/api/audience/users?search=4")).JsonAsync()).GetProperty("items")[0];
        user.GetProperty("startedMessageBot").GetBoolean().Should().BeFalse("only the coupon bot knows them");
        user.GetProperty("blockedCouponBot").GetBoolean().Should().BeTrue();
        user.GetProperty("couponUser").GetBoolean().Should().BeTrue();
        user.GetProperty("freeLead").GetBoolean().Should().BeTrue();
        user.GetProperty("vip").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("blockedBy=everyone", "blockedBy")]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    [InlineData("cursor=MTIz", "cursor")]
    [InlineData("joinedFrom=2026-01-02T00:00:00Z&joinedTo=2026-01-01T00:00:00Z", "joinedTo")]
    public async Task Users_WithBadInput_Is400_NamingTheField(string query, string field)
    {
        await (await _admin.Client.GetAsync($"/api/audience/users?{query}")).ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task Users_WithATooLongSearch_Is400()
    {
        await (await _admin.Client.GetAsync($"/api/audience/users?search={new string('a', 101)}")).ShouldHaveFieldErrorAsync("search");
    }

    [Fact]
    public async Task AUser_HasTheirSubscriptions_Channels_AndATimeline_NewestFirst()
    {
        Guid sessionId = default;
        await UsersAsync("alpha", db =>
        {
            var user = BotUser.FirstSeen("alpha", 7, "ana", "Ana", "Silva", Now);
            user.SeenByCouponBot("ana", "Ana", "Silva", Now.AddMinutes(1));
            user.RememberCouponCode("SAVE20");
            db.BotUsers.Add(user);
            var journey = Journey.Create("alpha", "Welcome", null, Now);
            db.Journeys.Add(journey);
            var session = JourneyUserSession.Start("alpha", journey.Id, 7, 7, null, Now.AddMinutes(2));
            sessionId = session.Id;
            db.JourneyUserSessions.Add(session);
            db.BotUsage.Add(BotUsage.InTelegram("alpha", 7, new CouponAttempt("SAVE20", "gold", CouponSize.Square, null), Now.AddMinutes(3)));
            db.BotUsage.Add(BotUsage.InTelegram("alpha", 7, new CouponAttempt("NOPE", null, null, CouponErrorType.InvalidCode), Now.AddMinutes(4)));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "ana@example.com", PlanType.Annual, Now.AddMinutes(5), Now.AddYears(1), telegramUserId: 7));
            db.ChannelMemberships.Add(ChannelMembership.Joined("alpha", ChannelKind.Vip, 7, "ana", null, Now.AddMinutes(6)));
            db.TelegramOutbox.Add(TelegramOutboxMessage.Enqueue("alpha", new OutboxRequest(
                "message_bot", 222, 7, "sendMessage", """{"chat_id":7,"text":"<b>Welcome</b> &amp; hi","parse_mode":"HTML"}""",
                DeliverySemantics.AtLeastOnce, OutboxPriority.Interactive, "reply", "reply:1"), Now.AddMinutes(7)));
            db.TelegramOutbox.Add(TelegramOutboxMessage.Enqueue("alpha", new OutboxRequest(
                "message_bot", 222, 8, "sendMessage", """{"chat_id":8,"text":"someone else"}""",
                DeliverySemantics.AtLeastOnce, OutboxPriority.Interactive, "reply", "reply:2"), Now.AddMinutes(8)));
        });

        var detail = await (await _admin.Client.GetAsync("/api/audience/users/7")).JsonAsync();

        detail.GetProperty("user").GetProperty("vip").GetBoolean().Should().BeTrue();
        detail.GetProperty("user").GetProperty("username").GetString().Should().Be("ana");
        detail.GetProperty("lastCouponCode").GetString().Should().Be("SAVE20");
        detail.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("plan").GetString()).Should().Equal("annual");
        detail.GetProperty("channels")[0].GetProperty("channel").GetString().Should().Be("vip");
        detail.GetProperty("channels")[0].GetProperty("status").GetString().Should().Be("member");
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("type").GetString()).Should().Equal(
            "message", "channel_joined", "subscription_created", "subscription_paid", "coupon_check", "coupon_image", "journey_started", "first_seen");
        timeline[0].GetProperty("detail").GetString().Should().Be("Welcome & hi", "the text as Telegram shows it");
        timeline[0].GetProperty("status").GetString().Should().Be("pending");
        timeline[4].GetProperty("status").GetString().Should().Be("invalid_code");
        timeline[5].GetProperty("title").GetString().Should().Be("gold");
        timeline[6].GetProperty("reference").GetString().Should().Be(sessionId.ToString());
        timeline[6].GetProperty("title").GetString().Should().Be("Welcome");
        detail.GetProperty("timelineCapped").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task AUsersTimeline_IsCapped()
    {
        await UsersAsync("alpha", db =>
        {
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 7, "ana", "Ana", null, Now));
            for (var i = 0; i < 120; i++)
            {
                db.BotUsage.Add(BotUsage.InTelegram("alpha", 7, new CouponAttempt("CODE", null, null, null), Now.AddSeconds(i)));
            }
        });

        var detail = await (await _admin.Client.GetAsync("/api/audience/users/7")).JsonAsync();

        detail.GetProperty("timeline").GetArrayLength().Should().Be(100);
        detail.GetProperty("timelineCapped").GetBoolean().Should().BeTrue();
        detail.GetProperty("timeline")[0].GetProperty("at").GetDateTimeOffset().Should().Be(Now.AddSeconds(119));
    }

    [Fact]
    public async Task AnUnknownUser_Is404()
    {
        await (await _admin.Client.GetAsync("/api/audience/users/123")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task VipMembers_AreTheActiveSubscriptionsWithATelegramUser_WithTheirChannelMembership()
    {
        await UsersAsync("alpha", db =>
        {
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 1, "in_channel", "In", null, Now));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "in@example.com", PlanType.Monthly, Now, Now.AddMonths(1), telegramUserId: 1));
            db.ChannelMemberships.Add(ChannelMembership.Joined("alpha", ChannelKind.Vip, 1, "in_channel", null, Now.AddMinutes(1)));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "lifetime@example.com", PlanType.Lifetime, Now.AddMinutes(2), telegramUserId: 2));
            var left = ChannelMembership.Joined("alpha", ChannelKind.Vip, 2, "leaver", null, Now.AddMinutes(3));
            left.Leave(Now.AddMinutes(4));
            db.ChannelMemberships.Add(left);
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "nolink@example.com", PlanType.Monthly, Now.AddMinutes(5), Now.AddMonths(1)));
            db.TelegramSubscriptions.Add(Ended(3));
        });

        var page = await (await _admin.Client.GetAsync("/api/audience/vip-members")).JsonAsync();

        page.GetProperty("total").GetInt32().Should().Be(2);
        var members = page.GetProperty("items").EnumerateArray().ToList();
        members.Select(m => m.GetProperty("telegramUserId").GetInt64()).Should().Equal(2, 1);
        members[0].GetProperty("plan").GetString().Should().Be("lifetime");
        members[0].GetProperty("inVipChannel").GetBoolean().Should().BeFalse();
        members[0].GetProperty("leftChannelAt").GetDateTimeOffset().Should().Be(Now.AddMinutes(4));
        members[0].GetProperty("username").GetString().Should().Be("leaver", "a VIP who never wrote to a bot is named as the channel saw them");
        members[1].GetProperty("inVipChannel").GetBoolean().Should().BeTrue();
        members[1].GetProperty("firstName").GetString().Should().Be("In");
        members[1].GetProperty("email").GetString().Should().Be("in@example.com");
        await (await _admin.Client.GetAsync("/api/audience/vip-members?pageSize=0")).ShouldHaveFieldErrorAsync("pageSize");
    }

    [Fact]
    public async Task TheSummary_CountsWhatEachFilterMatches_AndMembersMayReadIt()
    {
        await UsersAsync("alpha", db =>
        {
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 1, "vip", "V", null, Now));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "vip@example.com", PlanType.Monthly, Now, Now.AddMonths(1), telegramUserId: 1));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "vip2@example.com", PlanType.Lifetime, Now, telegramUserId: 1));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 2, "former", "F", null, Now));
            db.TelegramSubscriptions.Add(Ended(2));
            var blocked = BotUser.FirstSeen("alpha", 3, "blocker", "B", null, Now);
            blocked.MarkBlocked();
            blocked.Unsubscribe(Now);
            db.BotUsers.Add(blocked);
            var coupon = BotUser.FirstSeenByCouponBot("alpha", 4, "coupon", "C", null, Now);
            coupon.MarkCouponBotBlocked();
            db.BotUsers.Add(coupon);
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "stranger@example.com", PlanType.Monthly, Now, Now.AddMonths(1), telegramUserId: 99));
        });
        var member = await NewMemberAsync(_admin, "user_alpha_member", "member");

        var summary = await (await member.Client.GetAsync("/api/audience/summary")).JsonAsync();

        summary.GetProperty("users").GetInt32().Should().Be(4);
        summary.GetProperty("vip").GetInt32().Should().Be(1, "one user with two subscriptions, and a subscriber who is no bot user is not counted");
        summary.GetProperty("freeLeads").GetInt32().Should().Be(2);
        summary.GetProperty("blockedMessageBot").GetInt32().Should().Be(1);
        summary.GetProperty("blockedCouponBot").GetInt32().Should().Be(1);
        summary.GetProperty("unsubscribed").GetInt32().Should().Be(1);
        summary.GetProperty("couponUsers").GetInt32().Should().Be(1);
        (await FilterAsync("vip=true")).Should().HaveCount(1);
        (await FilterAsync("freeLead=true")).Should().HaveCount(2);
    }

    [Fact]
    public async Task AnEmptyAudience_HasAnEmptyPageAndZeroCounts()
    {
        var page = await (await _admin.Client.GetAsync("/api/audience/users")).JsonAsync();
        page.GetProperty("items").GetArrayLength().Should().Be(0);
        page.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
        (await (await _admin.Client.GetAsync("/api/audience/summary")).JsonAsync()).GetProperty("users").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("/api/audience/users")]
    [InlineData("/api/audience/users/1")]
    [InlineData("/api/audience/vip-members")]
    public async Task PersonalData_IsForAdminsOnly(string path)
    {
        await UsersAsync("alpha", db => db.BotUsers.Add(BotUser.FirstSeen("alpha", 1, "ana", "Ana", null, Now)));
        var member = await NewMemberAsync(_admin, "user_alpha_member", "member");

        await (await member.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnotherTenant_NeverSeesThisTenantsAudience()
    {
        await UsersAsync("alpha", db =>
        {
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 1, "ana", "Ana", null, Now));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "ana@example.com", PlanType.Monthly, Now, Now.AddMonths(1), telegramUserId: 1));
        });
        var beta = await NewTenantAsync("beta");
        await UsersAsync("beta", db => db.BotUsers.Add(BotUser.FirstSeen("beta", 2, "bob", "Bob", null, Now)));

        (await Ids(beta.Client, "/api/audience/users")).Should().Equal(2);
        (await Ids(beta.Client, "/api/audience/users?search=ana")).Should().BeEmpty();
        await (await beta.Client.GetAsync("/api/audience/users/1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await beta.Client.GetAsync("/api/audience/vip-members")).JsonAsync()).GetProperty("total").GetInt32().Should().Be(0);
        var summary = await (await beta.Client.GetAsync("/api/audience/summary")).JsonAsync();
        summary.GetProperty("users").GetInt32().Should().Be(1);
        summary.GetProperty("vip").GetInt32().Should().Be(0);
    }

    private async Task UsersAsync(string tenant, Action<AppDbContext> add) =>
        await InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            add(db);
            await db.SaveChangesAsync();
        });

    private Task<List<long>> SearchAsync(string search) => Ids(_admin.Client, $"/api/audience/users?search={Uri.EscapeDataString(search)}");

    private Task<List<long>> FilterAsync(string query) => Ids(_admin.Client, $"/api/audience/users?{query}");

    private static async Task<List<long>> Ids(HttpClient client, string path) => Ids(await (await client.GetAsync(path)).JsonAsync());

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("telegramUserId").GetInt64())];

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static TelegramSubscription Ended(long telegramUserId)
    {
        var subscription = Given.ActiveSubscription("alpha", $"ended{telegramUserId}@example.com", PlanType.Monthly, Now, Now.AddMonths(1), telegramUserId: telegramUserId);
        subscription.Cancel(CancellationReason.User, Now.AddDays(1));
        return subscription;
    }

    private static TelegramSubscription Unpaid(long telegramUserId)
    {
        var subscription = TelegramSubscription.BeginCheckout("alpha", PlanType.Monthly, null, Now);
        subscription.LinkTelegramUser(telegramUserId, null, wasFreeLead: true);
        return subscription;
    }
}
