using System.Net;
using System.Text.Json;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

/// <summary>Free leads: joined the FREE channel or started a bot, and never paid.</summary>
public sealed class LeadsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
    }

    [Fact]
    public async Task List_HasBotStartersAndFreeChannelMembers_NotPayers_NorVipOnlyMembers_NorAnotherTenantsUsers()
    {
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 101, "starter", "Sam", null, Now));
            var blocked = BotUser.FirstSeen("alpha", 102, "blocker", "Bo", null, Now);
            blocked.MarkBlocked();
            db.BotUsers.Add(blocked);
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 103, "both", "Bea", null, Now.AddDays(1)));
            db.ChannelMemberships.Add(ChannelMembership.Joined("alpha", ChannelKind.Free, 103, "both", null, Now));
            db.ChannelMemberships.Add(ChannelMembership.Joined("alpha", ChannelKind.Free, 104, "lurker", null, Now));
            db.ChannelMemberships.Add(ChannelMembership.Joined("alpha", ChannelKind.Vip, 105, "vip_only", null, Now));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 106, "payer", "Pat", null, Now));
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 107, "checkout", "Cy", null, Now));
            db.TelegramSubscriptions.Add(Subscription(106, paid: true));
            db.TelegramSubscriptions.Add(Subscription(107, paid: false));
            await db.SaveChangesAsync();
        });
        await NewTenantAsync("beta");
        await InTenantAsync("beta", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.Add(BotUser.FirstSeen("beta", 201, "other", "O", null, Now));
            await db.SaveChangesAsync();
        });

        var page = await (await _admin.Client.GetAsync("/api/leads")).JsonAsync();

        page.GetProperty("total").GetInt32().Should().Be(5);
        page.GetProperty("reachable").GetInt32().Should().Be(3, "101, 103 and the unpaid checkout 107 started the bot and did not block it");
        var leads = page.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("telegramUserId").GetInt64());
        leads.Keys.Should().Equal(101, 102, 103, 104, 107);
        Flags(leads[101]).Should().Be((true, false, true));
        Flags(leads[102]).Should().Be((true, false, false));
        Flags(leads[103]).Should().Be((true, true, true));
        Flags(leads[104]).Should().Be((false, true, false));
        leads[103].GetProperty("firstSeenAt").GetDateTimeOffset().Should().Be(Now, "the channel join came before the bot start");
        leads[104].GetProperty("username").GetString().Should().Be("lurker");
    }

    [Fact]
    public async Task List_IsPaged()
    {
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.AddRange(Enumerable.Range(1, 5).Select(i => BotUser.FirstSeen("alpha", 300 + i, null, "U", null, Now)));
            await db.SaveChangesAsync();
        });

        var page = await (await _admin.Client.GetAsync("/api/leads?page=2&pageSize=2")).JsonAsync();

        page.GetProperty("total").GetInt32().Should().Be(5);
        page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("telegramUserId").GetInt64()).Should().Equal(303, 304);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=201")]
    [InlineData("page=x")]
    public async Task List_WithBadPaging_Returns400(string query)
    {
        await (await _admin.Client.GetAsync($"/api/leads?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_WithoutSignIn_Is401()
    {
        (await Factory.CreateClient().GetAsync("/api/leads")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static (bool StartedBot, bool InFreeChannel, bool Reachable) Flags(JsonElement lead) =>
        (lead.GetProperty("startedBot").GetBoolean(), lead.GetProperty("inFreeChannel").GetBoolean(), lead.GetProperty("reachable").GetBoolean());

    private static TelegramSubscription Subscription(long telegramUserId, bool paid)
    {
        var subscription = TelegramSubscription.Begin("alpha", $"u{telegramUserId}@example.com", PlanType.Monthly, Now);
        subscription.LinkTelegramUser(telegramUserId, null, wasFreeLead: true);
        if (paid)
        {
            subscription.Activate(Now.AddMonths(1), Now);
            subscription.Cancel(CancellationReason.User, Now.AddDays(2));
        }

        return subscription;
    }
}
