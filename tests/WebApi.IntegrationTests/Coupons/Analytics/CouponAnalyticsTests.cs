using System.Net;
using System.Text.Json;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Analytics;

/// <summary><c>GET /api/coupons/analytics</c>: every figure of a period of New York days, and nothing from outside it.</summary>
public sealed class CouponAnalyticsTests(AppFixture fixture, ClassApp app) : CouponAnalyticsTestBase(fixture, app)
{
    [Fact]
    public async Task EveryFigure_CountsTheAttemptsOfThePeriodsTenantDays()
    {
        await SeedFebruaryAsync();

        var analytics = await (await Admin.GetAsync($"/api/coupons/analytics?{February}")).JsonAsync();

        analytics.GetProperty("from").GetString().Should().Be("2026-02-01");
        analytics.GetProperty("to").GetString().Should().Be("2026-02-14");
        analytics.GetProperty("timezone").GetString().Should().Be(Zone);
        var summary = analytics.GetProperty("summary");
        Ints(summary, "attempts", "successes", "userMistakes", "systemFailures", "failures", "imageAttempts", "imagesMade", "codeChecks", "codesAccepted")
            .Should().Equal(12, 7, 3, 2, 5, 7, 5, 5, 2);
        summary.GetProperty("successRate").GetDouble().Should().Be(0.7778, "7 successes of the 9 attempts that were not the user's mistake");
        summary.GetProperty("rawSuccessRate").GetDouble().Should().Be(0.5833);
        summary.GetProperty("userMistakeRate").GetDouble().Should().Be(0.25);
        summary.GetProperty("systemFailureRate").GetDouble().Should().Be(0.1667);

        var errors = analytics.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("errorType").GetString()!, e => (e.GetProperty("count").GetInt32(), e.GetProperty("userMistake").GetBoolean()));
        errors.Should().BeEquivalentTo(new Dictionary<string, (int, bool)>
        {
            ["invalid_code"] = (1, true), ["not_a_code"] = (1, true), ["template_not_found"] = (1, true), ["rate_limited"] = (0, true),
            ["partner_unavailable"] = (1, false), ["render_failed"] = (1, false), ["partner_timeout"] = (0, false), ["no_templates"] = (0, false),
        });
        analytics.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("count").GetInt32()).Should().BeInDescendingOrder();

        Ints(analytics.GetProperty("uniqueUsers"), "telegram", "web", "total").Should().Equal(3, 2, 5);

        var daily = analytics.GetProperty("daily").EnumerateArray().ToList();
        daily.Select(d => d.GetProperty("date").GetString()).Should().Equal(Enumerable.Range(1, 14).Select(d => $"2026-02-{d:00}"), "every day, zeros included");
        daily.Select(d => d.GetProperty("attempts").GetInt32()).Should().Equal(3, 1, 2, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1);
        daily.Select(d => d.GetProperty("successes").GetInt32()).Should().Equal(2, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        daily.Select(d => d.GetProperty("userMistakes").GetInt32()).Should().Equal(1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0);
        daily.Select(d => d.GetProperty("systemFailures").GetInt32()).Should().Equal(0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        daily.Select(d => d.GetProperty("failures").GetInt32()).Should().Equal(1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0);
        daily.Select(d => d.GetProperty("uniqueUsers").GetInt32()).Should().Equal(1, 1, 2, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1);

        var retention = analytics.GetProperty("retention");
        Ints(retention.GetProperty("newUsers"), "telegram", "web", "total").Should().Equal(2, 2, 4);
        var days = retention.GetProperty("days").EnumerateArray().ToList();
        days.Select(d => d.GetProperty("day").GetInt32()).Should().Equal(1, 7, 30);
        days.Select(d => d.GetProperty("cohort").GetInt32()).Should().Equal(4, 2, 0);
        days.Select(d => d.GetProperty("retained").GetInt32()).Should().Equal(2, 1, 0);
        days[0].GetProperty("rate").GetDouble().Should().Be(0.5);
        days[1].GetProperty("rate").GetDouble().Should().Be(0.5);
        days[2].GetProperty("rate").ValueKind.Should().Be(JsonValueKind.Null, "no new user is 30 days old within the period");

        var top = analytics.GetProperty("topUsers").EnumerateArray().ToList();
        top.Select(u => u.GetProperty("chatId").GetInt64()).Should().Equal([1002, 1001, 1003], "most images, then most attempts, then most recent");
        top.Select(u => u.GetProperty("attempts").GetInt32()).Should().Equal(4, 4, 1);
        top.Select(u => u.GetProperty("images").GetInt32()).Should().Equal(2, 2, 0);
        top[1].GetProperty("username").GetString().Should().Be("ana");
        top[1].GetProperty("name").GetString().Should().Be("Ana Silva");
        top[1].GetProperty("lastSeenAt").GetDateTimeOffset().Should().Be(At("2026-02-03T14:00Z"));
        top[0].GetProperty("lastSeenAt").GetDateTimeOffset().Should().Be(At("2026-02-15T04:59Z"));
        top[2].GetProperty("username").ValueKind.Should().Be(JsonValueKind.Null);

        analytics.GetProperty("templates").EnumerateArray().Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("images").GetInt32()))
            .Should().Equal(("gold", 3), ("silver", 2));
        analytics.GetProperty("sizes").EnumerateArray().Select(s => (s.GetProperty("size").GetString(), s.GetProperty("images").GetInt32()))
            .Should().Equal(("square", 3), ("story", 1), ("feed", 1));
        analytics.GetProperty("codes").EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString(), c.GetProperty("uses").GetInt32(), c.GetProperty("images").GetInt32(), c.GetProperty("users").GetInt32()))
            .Should().Equal(("SAVE10", 4, 3, 2), ("WIN20", 3, 2, 1));
        analytics.GetProperty("weekdays").EnumerateArray().Select(w => (w.GetProperty("day").GetString(), w.GetProperty("attempts").GetInt32(), w.GetProperty("successes").GetInt32()))
            .Should().Equal(("monday", 2, 2), ("tuesday", 3, 1), ("wednesday", 0, 0), ("thursday", 1, 1), ("friday", 2, 0), ("saturday", 1, 1), ("sunday", 3, 2));
    }

    [Fact]
    public async Task DaysAreTheTenants_AnAttemptAt3UtcCountsOnThePreviousNewYorkDay()
    {
        await SeedFebruaryAsync();

        // 04:59Z on 1 Feb is 23:59 on 31 Jan in New York; 03:00Z on 2 Feb is 22:00 on 1 Feb.
        var jan31 = await (await Admin.GetAsync("/api/coupons/analytics?from=2026-01-31&to=2026-01-31")).JsonAsync();
        var feb1 = await (await Admin.GetAsync("/api/coupons/analytics?from=2026-02-01&to=2026-02-01")).JsonAsync();

        jan31.GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(1);
        jan31.GetProperty("codes")[0].GetProperty("code").GetString().Should().Be("EARLY");
        jan31.GetProperty("weekdays").EnumerateArray().Single(w => w.GetProperty("attempts").GetInt32() > 0).GetProperty("day").GetString().Should().Be("saturday");
        feb1.GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(3);
        feb1.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("errorType").GetString() == "invalid_code").GetProperty("count").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task OneDay_EveryFigureKeepsToIt_TopListsWeekdaysRetentionAndAll()
    {
        await SeedFebruaryAsync();

        var analytics = await (await Admin.GetAsync("/api/coupons/analytics?from=2026-02-01&to=2026-02-01")).JsonAsync();

        Ints(analytics.GetProperty("summary"), "attempts", "successes", "userMistakes", "imagesMade").Should().Equal(3, 2, 1, 1);
        Ints(analytics.GetProperty("uniqueUsers"), "telegram", "web").Should().Equal(1, 0);
        analytics.GetProperty("daily").GetArrayLength().Should().Be(1);
        var top = analytics.GetProperty("topUsers").EnumerateArray().Single();
        (top.GetProperty("chatId").GetInt64(), top.GetProperty("attempts").GetInt32(), top.GetProperty("images").GetInt32()).Should().Be((1001, 3, 1));
        top.GetProperty("lastSeenAt").GetDateTimeOffset().Should().Be(At("2026-02-02T03:00Z"));
        analytics.GetProperty("templates").EnumerateArray().Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("images").GetInt32())).Should().Equal(("gold", 1));
        analytics.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("images").GetInt32()).Should().Equal(1, 0, 0);
        analytics.GetProperty("codes").EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("uses").GetInt32())).Should().Equal(("SAVE10", 2));
        analytics.GetProperty("weekdays").EnumerateArray().Select(w => w.GetProperty("attempts").GetInt32()).Should().Equal(0, 0, 0, 0, 0, 0, 3);
        Ints(analytics.GetProperty("retention").GetProperty("newUsers"), "total").Should().Equal(0);
        analytics.GetProperty("retention").GetProperty("days").EnumerateArray().Select(d => d.GetProperty("cohort").GetInt32()).Should().Equal(0, 0, 0);
    }

    [Fact]
    public async Task AFirstAttemptBeforeThePeriod_IsNoNewUser_AndAReturnAfterItIsNotCounted()
    {
        await SeedFebruaryAsync();

        // From 3 Feb, chat 1002 (first on 2 Feb) is not new; web client A (5 Feb) came back on 6 Feb; up to 8 Feb,
        // chat 1002's return on 9 Feb is out of sight.
        var analytics = await (await Admin.GetAsync("/api/coupons/analytics?from=2026-02-03&to=2026-02-08")).JsonAsync();

        var retention = analytics.GetProperty("retention");
        Ints(retention.GetProperty("newUsers"), "telegram", "web", "total").Should().Equal(0, 1, 1);
        retention.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("cohort").GetInt32(), d.GetProperty("retained").GetInt32()))
            .Should().Equal((1, 1), (0, 0), (0, 0));

        // From 6 Feb, web client A (first on 5 Feb) and chat 1002 are old; chat 1003 and web client B are new.
        var later = await (await Admin.GetAsync("/api/coupons/analytics?from=2026-02-06&to=2026-02-14")).JsonAsync();
        Ints(later.GetProperty("retention").GetProperty("newUsers"), "telegram", "web").Should().Equal(1, 1);
    }

    [Fact]
    public async Task TheDefault_IsTheThirtyDaysEndingToday_AndTopLimitsTheLists()
    {
        await SeedFebruaryAsync();

        var analytics = await (await Admin.GetAsync("/api/coupons/analytics?top=1")).JsonAsync();

        analytics.GetProperty("from").GetString().Should().Be("2026-01-22");
        analytics.GetProperty("to").GetString().Should().Be("2026-02-20", "today in New York");
        analytics.GetProperty("daily").GetArrayLength().Should().Be(30);
        analytics.GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(15, "all but the attempt of 20 January");
        analytics.GetProperty("topUsers").EnumerateArray().Select(u => u.GetProperty("chatId").GetInt64()).Should().Equal(1002);
        analytics.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Should().Equal(["SAVE10"], "SAVE10 and WIN20 have four uses each, and the tie goes to the first code");
    }

    [Fact]
    public async Task NoAttempts_GiveZerosEveryDay_AndNoRates()
    {
        var analytics = await (await Admin.GetAsync("/api/coupons/analytics?from=2026-02-01&to=2026-02-03")).JsonAsync();

        analytics.GetProperty("daily").EnumerateArray().Select(d => d.GetProperty("attempts").GetInt32()).Should().Equal(0, 0, 0);
        analytics.GetProperty("summary").GetProperty("successRate").ValueKind.Should().Be(JsonValueKind.Null);
        analytics.GetProperty("summary").GetProperty("rawSuccessRate").ValueKind.Should().Be(JsonValueKind.Null);
        analytics.GetProperty("errors").GetArrayLength().Should().Be(CouponErrorTypes.Names.Count);
        analytics.GetProperty("topUsers").GetArrayLength().Should().Be(0);
        analytics.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("images").GetInt32()).Should().Equal(0, 0, 0);
    }

    [Theory]
    [InlineData("from=2026-02-10&to=2026-02-01", "from")]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("from=2026-2-1", "from")]
    [InlineData("to=01%2F02%2F2026", "to")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2025-01-01&to=2026-02-01", "from")]
    [InlineData("from=2026-03-01", "from")]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    public async Task BadInput_Is400_NamingTheField(string parameters, string field) =>
        await (await Admin.GetAsync($"/api/coupons/analytics?{parameters}")).ShouldHaveFieldErrorAsync(field);

    [Fact]
    public async Task ThreeHundredSixtySixDays_AreAllowed() =>
        (await (await Admin.GetAsync("/api/coupons/analytics?from=2025-02-20&to=2026-02-20")).JsonAsync()).GetProperty("daily").GetArrayLength().Should().Be(366);

    [Fact]
    public async Task WithoutSignIn_Is401()
    {
        var anonymous = App.CreateClient();

        foreach (var path in new[] { "/api/coupons/analytics", "/api/coupons/failures", "/api/coupons/failures.csv", "/api/coupons/users/1001" })
        {
            (await anonymous.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        }
    }

    [Fact]
    public async Task AMember_SeesTheFigures_WithTopUsersMasked()
    {
        await SeedFebruaryAsync();
        var member = await Given.MemberAsync(App, Identity, Admin, "user_coupons_member");

        var analytics = await (await member.GetAsync($"/api/coupons/analytics?{February}")).JsonAsync();

        analytics.GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(12);
        var ana = analytics.GetProperty("topUsers")[1];
        ana.GetProperty("chatId").ValueKind.Should().Be(JsonValueKind.Null);
        ana.GetProperty("username").GetString().Should().Be("a…");
        ana.GetProperty("name").GetString().Should().Be("A…");
        ana.GetProperty("attempts").GetInt32().Should().Be(4);
    }

    private static List<int> Ints(JsonElement element, params string[] names) => [.. names.Select(n => element.GetProperty(n).GetInt32())];
}
