using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Security;

/// <summary>Subscribers and leads in full for admins; members see them masked or not at all.</summary>
public sealed class PersonalDataTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private Session _admin = null!;
    private Session _member = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
        _member = await NewMemberAsync(_admin, "user_alpha_member", "member");
        (await _admin.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "ana@example.com", plan = "lifetime", telegramUserId = 4242 })).EnsureSuccessStatusCode();
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.Add(BotUser.FirstSeen("alpha", 777, "ana_trader", "Ana", null, Factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Subscriptions_AreInFullForAdmins_AndMaskedForMembers_InTheListAndOneByOne()
    {
        var forAdmin = (await (await _admin.Client.GetAsync("/api/subscriptions")).JsonAsync()).GetProperty("items")[0];
        var forMember = (await (await _member.Client.GetAsync("/api/subscriptions")).JsonAsync()).GetProperty("items")[0];
        var oneForMember = await (await _member.Client.GetAsync($"/api/subscriptions/{forAdmin.GetProperty("id").GetInt32()}")).JsonAsync();

        forAdmin.GetProperty("email").GetString().Should().Be("ana@example.com");
        forAdmin.GetProperty("telegramUserId").GetInt64().Should().Be(4242);
        foreach (var seen in new[] { forMember, oneForMember })
        {
            seen.GetProperty("email").GetString().Should().Be("a…@example.com");
            seen.GetProperty("telegramUserId").ValueKind.Should().Be(JsonValueKind.Null);
            seen.GetProperty("stripeCustomerId").ValueKind.Should().Be(JsonValueKind.Null);
            seen.GetProperty("status").GetString().Should().Be("active", "what is no personal data stays visible");
        }
    }

    [Fact]
    public async Task Leads_AreInFullForAdmins_AndMaskedForMembers()
    {
        var forAdmin = (await (await _admin.Client.GetAsync("/api/leads")).JsonAsync()).GetProperty("items")[0];
        var forMember = (await (await _member.Client.GetAsync("/api/leads")).JsonAsync()).GetProperty("items")[0];

        forAdmin.GetProperty("telegramUserId").GetInt64().Should().Be(777);
        forAdmin.GetProperty("username").GetString().Should().Be("ana_trader");
        forMember.GetProperty("telegramUserId").ValueKind.Should().Be(JsonValueKind.Null);
        forMember.GetProperty("username").GetString().Should().Be("a…");
        forMember.GetProperty("firstName").GetString().Should().Be("A…");
        forMember.GetProperty("reachable").GetBoolean().Should().BeTrue();
    }
}
