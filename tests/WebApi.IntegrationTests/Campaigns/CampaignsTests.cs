using System.Net;
using System.Net.Http.Json;
using PromoStack.Infrastructure.Schedules;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Campaigns;

/// <summary>Campaigns through the API: the lifecycle by dates and by hand, public entries, the draw, CSV, bad input, roles and tenants.</summary>
public sealed class CampaignsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    // 23:00 on 30 November in Tokyo (UTC+9); the dates below are Tokyo's, a day ahead of UTC's in the evening.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new PromoStackFactory(Identity) { Clock = new(Start) };
        _admin = await Given.TenantAsync(_app, Identity, "user_campaign_admin", timezone: "Asia/Tokyo");
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task APublishedCampaign_StartsAndEndsOnItsDatesInTheTenantsZone_TakesEntries_AndDrawsAWinner()
    {
        var id = await CreateAsync("2026-12-01", "2026-12-02");
        (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).EnsureSuccessStatusCode();
        (await StatusAsync(id)).Should().Be("draft", "it is still 30 November in Tokyo");
        await (await EnterAsync(id, "early@example.com")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await TickAsync(TimeSpan.FromHours(1.5));
        (await StatusAsync(id)).Should().Be("active", "it is 1 December 00:30 in Tokyo, though still 30 November in UTC");
        var first = await EnterAsync(id, "Ana@Example.com", "@ana_trader", ["https://x.com/ana/status/1"]);
        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        // Changed with the fix: a repeat was a 409, which told anyone that this email had entered.
        var repeat = await EnterAsync(id, "ana@example.com", "@someone_else");
        repeat.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await repeat.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await EnterAsync(id, "=cmd@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await EnterAsync(id, "bo@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var entries = await (await _admin.GetAsync($"/api/campaigns/{id}/entries")).JsonAsync();
        entries.GetProperty("total").GetInt32().Should().Be(3);
        entries.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("email").GetString() == "ana@example.com")
            .GetProperty("telegramUsername").GetString().Should().Be("ana_trader", "a repeat does not change the first entry");
        var bo = entries.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("email").GetString() == "bo@example.com").GetProperty("id").GetInt32();
        (await _admin.PostAsync($"/api/campaigns/{id}/entries/{bo}/disqualify", null)).EnsureSuccessStatusCode();
        await (await _admin.PostAsync($"/api/campaigns/{id}/draw", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await TickAsync(TimeSpan.FromDays(1));
        (await StatusAsync(id)).Should().Be("active", "2 December is its last day");
        await TickAsync(TimeSpan.FromDays(1));
        (await StatusAsync(id)).Should().Be("ended", "3 December has begun in Tokyo (UTC is still on the 2nd)");
        await (await EnterAsync(id, "late@example.com")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var drawn = await (await _admin.PostAsync($"/api/campaigns/{id}/draw", null)).JsonAsync();
        drawn.GetProperty("winner").GetProperty("email").GetString().Should().BeOneOf("ana@example.com", "=cmd@example.com");
        var member = await Given.MemberAsync(_app, Identity, _admin, "user_campaign_member");
        var seenByMember = (await (await member.GetAsync($"/api/campaigns/{id}")).JsonAsync()).GetProperty("winner");
        seenByMember.GetProperty("email").GetString().Should().BeOneOf("a…@example.com", "=…@example.com").And.NotContain("ana").And.NotContain("cmd");
        seenByMember.GetProperty("socialLinks").GetArrayLength().Should().Be(0);
        (await (await member.GetAsync("/api/campaigns")).JsonAsync())[0].GetProperty("winner").GetProperty("email").GetString().Should().Contain("…");
        await (await _admin.PostAsync($"/api/campaigns/{id}/draw", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.PutAsJsonAsync($"/api/campaigns/{id}", new { title = "x", startDate = "2026-12-01", endDate = "2026-12-02" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var csv = await (await _admin.GetAsync($"/api/campaigns/{id}/entries.csv")).Content.ReadAsStringAsync();
        csv.Should().StartWith("entry_id,email,telegram_username,social_links,disqualified,winner,created_at\r\n");
        csv.Should().Contain(",ana@example.com,ana_trader,https://x.com/ana/status/1,false,").And.Contain(",'=cmd@example.com,");
    }

    [Fact]
    public async Task EndingByHand_AndIllegalMoves_Are409_AndOnlyDraftsCanBeDeleted()
    {
        var id = await CreateAsync("2026-11-20", "2026-12-31");
        await (await _admin.PostAsync($"/api/campaigns/{id}/end", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).EnsureSuccessStatusCode();
        (await StatusAsync(id)).Should().Be("active", "its start date has passed");
        await (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.DeleteAsync($"/api/campaigns/{id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _admin.PostAsync($"/api/campaigns/{id}/end", null)).EnsureSuccessStatusCode();
        (await StatusAsync(id)).Should().Be("ended");

        var draft = await CreateAsync("2027-01-01", "2027-01-31");
        (await _admin.DeleteAsync($"/api/campaigns/{draft}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _admin.GetAsync($"/api/campaigns/{draft}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInput_Is400_WithTheField()
    {
        await (await _admin.PostAsJsonAsync("/api/campaigns", new { title = "Backwards", startDate = "2026-12-10", endDate = "2026-12-01" })).ShouldHaveFieldErrorAsync("endDate");
        await (await _admin.PostAsJsonAsync("/api/campaigns", new { title = "", startDate = "2026-12-10", endDate = "2026-12-11" })).ShouldHaveFieldErrorAsync("title");
        await (await _admin.PostAsJsonAsync("/api/campaigns", new { title = "No dates" })).ShouldHaveFieldErrorAsync("startDate");
        (await _admin.PostAsJsonAsync("/api/campaigns", new { title = "Bad date", startDate = "tomorrow", endDate = "2026-12-11" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var id = await CreateAsync("2026-11-20", "2026-12-31");
        (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).EnsureSuccessStatusCode();
        await (await EnterAsync(id, "not-an-email")).ShouldHaveFieldErrorAsync("email");
        await (await EnterAsync(id, "a@example.com", "x")).ShouldHaveFieldErrorAsync("telegramUsername");
        await (await EnterAsync(id, "a@example.com", null, ["javascript:alert(1)"])).ShouldHaveFieldErrorAsync("socialLinks[0]");
        await (await _app.CreateClient().PostAsJsonAsync($"/api/public/nosuch/campaigns/{id}/entries", new { email = "a@example.com" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _admin.GetAsync($"/api/campaigns/{id}/entries?pageSize=1000")).ShouldHaveFieldErrorAsync("pageSize");
    }

    [Fact]
    public async Task PublicEntries_AreRateLimited()
    {
        var id = await CreateAsync("2026-11-20", "2026-12-31");
        (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).EnsureSuccessStatusCode();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await EnterAsync(id, $"p{i}@example.com")).StatusCode);
        }

        statuses.Take(10).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.Accepted));
        statuses.Skip(10).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task MembersRead_AdminsChange_AndAnotherTenantSeesNothing()
    {
        var id = await CreateAsync("2026-11-20", "2026-12-31");
        var member = await Given.MemberAsync(_app, Identity, _admin, "user_campaign_member");
        (await member.GetAsync($"/api/campaigns/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.PostAsync($"/api/campaigns/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/campaigns/{id}/entries")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "entries carry emails");
        (await member.GetAsync($"/api/campaigns/{id}/entries.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var beta = await Given.TenantAsync(_app, Identity, "user_campaign_beta", "beta");
        (await (await beta.GetAsync("/api/campaigns")).JsonAsync()).GetArrayLength().Should().Be(0);
        await (await beta.GetAsync($"/api/campaigns/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsync($"/api/campaigns/{id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.DeleteAsync($"/api/campaigns/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.GetAsync($"/api/campaigns/{id}/entries.csv")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).EnsureSuccessStatusCode();
        await (await _app.CreateClient().PostAsJsonAsync($"/api/public/beta/campaigns/{id}/entries", new { email = "a@example.com" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<int> CreateAsync(string start, string end) =>
        (await (await _admin.PostAsJsonAsync("/api/campaigns", new { title = "Winter contest", startDate = start, endDate = end, prize = "iPad" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

    private async Task<string> StatusAsync(int id) => (await (await _admin.GetAsync($"/api/campaigns/{id}")).JsonAsync()).GetProperty("status").GetString()!;

    private Task<HttpResponseMessage> EnterAsync(int id, string email, string? telegramUsername = null, string[]? socialLinks = null) =>
        _app.CreateClient().PostAsJsonAsync($"/api/public/alpha/campaigns/{id}/entries", new { email, telegramUsername, socialLinks });

    private async Task TickAsync(TimeSpan by)
    {
        _app.Clock.Advance(by);
        await _app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
    }
}
