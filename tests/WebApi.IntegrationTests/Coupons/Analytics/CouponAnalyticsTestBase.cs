using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Analytics;

/// <summary>
/// Tenant <c>alpha</c> in New York (UTC−5 in February) and a clock fixed at <see cref="Now"/> (Friday 20 February
/// 2026, noon there); <see cref="SeedFebruaryAsync"/> writes the coupon attempts most tests read, through the
/// Domain's factories, at chosen instants.
/// </summary>
public abstract class CouponAnalyticsTestBase(AppFixture fixture, ClassApp classApp) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    public const string Zone = "America/New_York";

    /// <summary>The days most tests ask about: Sunday 1 to Saturday 14 February 2026, New York days.</summary>
    public const string February = "from=2026-02-01&to=2026-02-14";

    protected static readonly DateTimeOffset Now = At("2026-02-20T17:00Z");

    protected PromoStackFactory App { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = classApp.ForTest(() => new PromoStackFactory(Identity, telegram: Telegram) { Clock = new FakeTimeProvider(Now) });
        Admin = await Given.TenantAsync(App, Identity, "user_coupons_alpha", "alpha", timezone: Zone);
    }

    protected static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    protected static BotUsage Chat(
        long chatId, string at, string? code, string? template = null, CouponSize? size = null, CouponErrorType? error = null, string tenant = "alpha") =>
        BotUsage.InTelegram(tenant, chatId, new CouponAttempt(code, template, size, error, PartnerCalled: true), At(at));

    protected static BotUsage Web(
        string client, string at, string? code, string? template = null, CouponSize? size = null, CouponErrorType? error = null, string tenant = "alpha") =>
        BotUsage.OnWeb(tenant, client, DeviceType.Mobile, new CouponAttempt(code, template, size, error), At(at));

    /// <summary>A Telegram user who used the coupon bot (first and last at <paramref name="seen"/>).</summary>
    protected static BotUser Profile(long chatId, string? username, string? firstName, string? lastName, string seen, string tenant = "alpha")
    {
        var user = BotUser.FirstSeen(tenant, chatId, username, firstName, lastName, At(seen));
        user.SeenByCouponBot(username, firstName, lastName, At(seen));
        return user;
    }

    protected async Task SeedAsync(string tenant, IEnumerable<BotUsage> attempts, params BotUser[] users) =>
        await App.Services.GetRequiredService<TenantScopes>().RunAsync(tenant, async (services, ct) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotUsers.AddRange(users);
            db.BotUsage.AddRange(attempts);
            await db.SaveChangesAsync(ct);
        }, CancellationToken.None);

    /// <summary>
    /// Twelve attempts in <see cref="February"/> (New York days in brackets) and four just outside it:
    /// <list type="bullet">
    /// <item>chat 1001 (@ana, Ana Silva): 20 Jan (so never new in February); 04:59Z on 1 Feb [31 Jan]; three on [1 Feb], the
    /// last at 03:00Z on 2 Feb an invalid code; an image on [3 Feb]; 05:00Z on 15 Feb [15 Feb].</item>
    /// <item>chat 1002 (@bob, Bob, blocked the coupon bot): new on [2 Feb], back on [3 Feb] (D1, the partner down) and [9 Feb] (D7),
    /// 04:59Z on 15 Feb [14 Feb], and on 16 Feb.</item>
    /// <item>chat 1003 (no profile): new on [10 Feb], chatter.</item>
    /// <item>web client A: new on [5 Feb], back on [6 Feb] (D1, the render failed); web client B: new on 04:00Z 14 Feb [13 Feb], a template gone.</item>
    /// </list>
    /// </summary>
    protected async Task SeedFebruaryAsync()
    {
        var bob = Profile(1002, "bob", "Bob", null, "2026-02-02T14:00Z");
        bob.MarkCouponBotBlocked();
        var ana = Profile(1001, "ana", "Ana", "Silva", "2026-01-20T12:00Z");
        ana.RememberCouponCode("SAVE10");
        await SeedAsync("alpha", [
            Chat(1001, "2026-01-20T12:00Z", "SAVE10", "gold", CouponSize.Square),
            Chat(1001, "2026-02-01T04:59Z", "EARLY"),
            Chat(1001, "2026-02-01T15:00Z", "SAVE10", "gold", CouponSize.Square),
            Chat(1001, "2026-02-01T15:05Z", "SAVE10"),
            Chat(1001, "2026-02-02T03:00Z", "SAVE1O", error: CouponErrorType.InvalidCode),
            Chat(1001, "2026-02-03T14:00Z", "SAVE10", "gold", CouponSize.Story),
            Chat(1001, "2026-02-15T05:00Z", "LATE"),
            Chat(1002, "2026-02-02T14:00Z", "WIN20", "silver", CouponSize.Square),
            Chat(1002, "2026-02-03T14:00Z", "WIN20", error: CouponErrorType.PartnerUnavailable),
            Chat(1002, "2026-02-09T14:00Z", "WIN20", "silver", CouponSize.Square),
            Chat(1002, "2026-02-15T04:59Z", "WIN20"),
            Chat(1002, "2026-02-16T14:00Z", "WIN20", "silver", CouponSize.Square),
            Chat(1003, "2026-02-10T14:00Z", "HELLO THERE", error: CouponErrorType.NotACode),
            Web("client-a", "2026-02-05T16:00Z", "SAVE10", "gold", CouponSize.Feed),
            Web("client-a", "2026-02-06T16:00Z", "SAVE10", "gold", CouponSize.Square, CouponErrorType.RenderFailed),
            Web("client-b", "2026-02-14T04:00Z", "SAVE10", "gone", CouponSize.Square, CouponErrorType.TemplateNotFound),
        ], ana, bob);
    }
}
