using System.Text.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Analytics;

/// <summary><c>GET /api/coupons/users/{chatId}</c>: a Telegram user's profile, totals that agree with their history, and the history.</summary>
public sealed class CouponUserActivityTests(AppFixture fixture, ClassApp app) : CouponAnalyticsTestBase(fixture, app)
{
    [Fact]
    public async Task AUser_HasTheirProfile_TotalsOfAllTheirAttempts_AndTheAttemptsNewestFirst()
    {
        await SeedFebruaryAsync();

        var ana = await (await Admin.GetAsync("/api/coupons/users/1001?pageSize=3")).JsonAsync();

        ana.GetProperty("chatId").GetInt64().Should().Be(1001);
        ana.GetProperty("username").GetString().Should().Be("ana");
        ana.GetProperty("firstName").GetString().Should().Be("Ana");
        ana.GetProperty("lastName").GetString().Should().Be("Silva");
        ana.GetProperty("lastCouponCode").GetString().Should().Be("SAVE10");
        ana.GetProperty("couponFirstSeenAt").GetDateTimeOffset().Should().Be(At("2026-01-20T12:00Z"));
        ana.GetProperty("couponBotBlocked").GetBoolean().Should().BeFalse();
        var totals = ana.GetProperty("totals");
        (totals.GetProperty("attempts").GetInt32(), totals.GetProperty("successes").GetInt32(), totals.GetProperty("imagesMade").GetInt32(),
            totals.GetProperty("codeChecks").GetInt32(), totals.GetProperty("userMistakes").GetInt32(), totals.GetProperty("systemFailures").GetInt32())
            .Should().Be((7, 6, 3, 4, 1, 0));
        ana.GetProperty("firstAttemptAt").GetDateTimeOffset().Should().Be(At("2026-01-20T12:00Z"));
        ana.GetProperty("lastAttemptAt").GetDateTimeOffset().Should().Be(At("2026-02-15T05:00Z"));
        var attempts = ana.GetProperty("attempts");
        attempts.GetProperty("total").GetInt32().Should().Be(7);
        attempts.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Equal("LATE", "SAVE10", "SAVE1O");
        var typo = attempts.GetProperty("items")[2];
        typo.GetProperty("success").GetBoolean().Should().BeFalse();
        typo.GetProperty("errorType").GetString().Should().Be("invalid_code");
        typo.GetProperty("userMistake").GetBoolean().Should().BeTrue();
        attempts.GetProperty("items")[0].GetProperty("userMistake").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task TheTotals_AgreeWithTheHistory()
    {
        await SeedFebruaryAsync();

        foreach (var chatId in new[] { 1001, 1002, 1003 })
        {
            var user = await (await Admin.GetAsync($"/api/coupons/users/{chatId}?pageSize=200")).JsonAsync();
            var history = user.GetProperty("attempts").GetProperty("items").EnumerateArray().ToList();
            var totals = user.GetProperty("totals");

            totals.GetProperty("attempts").GetInt32().Should().Be(history.Count);
            totals.GetProperty("successes").GetInt32().Should().Be(history.Count(a => a.GetProperty("success").GetBoolean()));
            totals.GetProperty("imagesMade").GetInt32().Should().Be(
                history.Count(a => a.GetProperty("success").GetBoolean() && a.GetProperty("template").ValueKind == JsonValueKind.String));
            totals.GetProperty("failures").GetInt32().Should().Be(history.Count(a => !a.GetProperty("success").GetBoolean()));
        }
    }

    [Fact]
    public async Task AChatWithoutAProfile_OrAProfileWithoutAttempts_IsShown_AndAnUnknownChatIs404()
    {
        await SeedFebruaryAsync();
        await SeedAsync("alpha", [], Profile(2002, "quiet", "Quinn", null, "2026-02-01T10:00Z"));

        var noProfile = await (await Admin.GetAsync("/api/coupons/users/1003")).JsonAsync();
        var noAttempts = await (await Admin.GetAsync("/api/coupons/users/2002")).JsonAsync();
        var bob = await (await Admin.GetAsync("/api/coupons/users/1002")).JsonAsync();

        noProfile.GetProperty("username").ValueKind.Should().Be(JsonValueKind.Null);
        noProfile.GetProperty("totals").GetProperty("userMistakes").GetInt32().Should().Be(1);
        noAttempts.GetProperty("totals").GetProperty("attempts").GetInt32().Should().Be(0);
        noAttempts.GetProperty("firstAttemptAt").ValueKind.Should().Be(JsonValueKind.Null);
        noAttempts.GetProperty("attempts").GetProperty("items").GetArrayLength().Should().Be(0);
        bob.GetProperty("couponBotBlocked").GetBoolean().Should().BeTrue();
        await (await Admin.GetAsync("/api/coupons/users/999")).ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/coupons/users/1001?pageSize=0")).ShouldHaveFieldErrorAsync("pageSize");
    }
}
