using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Home;

/// <summary>What the home screen tests put in a tenant, made with the domain's own factories.</summary>
internal static class DashboardData
{
    public const long Channel = -1001111111111;

    /// <summary>
    /// Stripe prices (monthly $49, annual $120, lifetime $299) and subscriptions: monthly through Stripe today (a former
    /// free lead), annual 3 days ago, lifetime yesterday, a monthly grant today, a monthly one 10 days ago that churned
    /// 2 days ago, and a monthly one 40 days ago; plus one free lead.
    /// </summary>
    public static void Subscriptions(AppDbContext db, string tenant, DateTimeOffset now, int copies = 1)
    {
        var stripe = TenantStripeSettings.Create(tenant, now);
        stripe.SetProduct(null, "prod_VIP", "price_M", "price_A", "price_L", now);
        db.StripeSettings.Add(stripe);
        db.StripePrices.Add(TenantStripePrice.Cache(tenant, "price_M", "prod_VIP", "usd", 4900, "month", 1, null, true, now));
        db.StripePrices.Add(TenantStripePrice.Cache(tenant, "price_A", "prod_VIP", "usd", 12000, "year", 1, null, true, now));
        db.StripePrices.Add(TenantStripePrice.Cache(tenant, "price_L", "prod_VIP", "usd", 29900, null, null, null, true, now));
        for (var copy = 0; copy < copies; copy++)
        {
            TelegramSubscription Stripe(PlanType plan, DateTimeOffset at, DateTimeOffset? end)
            {
                var s = TelegramSubscription.FromStripe(tenant, plan, $"cus_{tenant}_{copy}_{plan}_{at.Ticks}", $"sub_{tenant}_{copy}_{plan}_{at.Ticks}", at);
                s.Activate(end, at, end is not null);
                db.TelegramSubscriptions.Add(s);
                return s;
            }

            Stripe(PlanType.Monthly, now, now.AddDays(30)).LinkTelegramUser(1000 + copy, null, wasFreeLead: true);
            Stripe(PlanType.Annual, now.AddDays(-3), now.AddDays(362));
            var lifetime = TelegramSubscription.Begin(tenant, $"life{copy}@example.com", PlanType.Lifetime, now.AddDays(-1));
            lifetime.RecordPayment(null, $"pi_{tenant}_{copy}");
            lifetime.Activate(null, now.AddDays(-1), renews: false);
            db.TelegramSubscriptions.Add(lifetime);
            db.TelegramSubscriptions.Add(Given.ActiveSubscription(tenant, $"grant{copy}@example.com", PlanType.Monthly, now, now.AddDays(30), renews: false));
            Stripe(PlanType.Monthly, now.AddDays(-10), now.AddDays(20)).Cancel(CancellationReason.User, now.AddDays(-2));
            Stripe(PlanType.Monthly, now.AddDays(-40), now.AddDays(20));
            db.BotUsers.Add(BotUser.FirstSeen(tenant, 9000 + copy, null, "Lead", null, now));
        }
    }

    /// <summary>
    /// Live signals: a buy opened now that hit TP1 (50 pips locked in), a sell opened now and closed with TP1, TP2 and its
    /// trailed stop (130 pips), a buy opened yesterday still open, one opened and closed yesterday; and a demo signal.
    /// </summary>
    public static (ForexSignal HitTp1, ForexSignal ClosedToday, ForexSignal OpenSinceYesterday) Signals(AppDbContext db, string tenant, DateTimeOffset now, int copies = 1)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        ForexSignal Buy(DateTimeOffset at, SignalSource source = SignalSource.Live) => ForexSignal.Open(
            tenant, SignalDirection.Buy, "M15", new SignalLevels(2000m, 1990m, 2010m, 2020m, 2030m), "{}", at,
            new SignalOrigin(Instrument.XauUsd, "aggressive", source, ExitPlan.Default));
        (ForexSignal, ForexSignal, ForexSignal) made = default;
        for (var copy = 0; copy < copies; copy++)
        {
            var hit = Buy(now);
            hit.HitTarget(1, now);
            var sell = ForexSignal.Open(tenant, SignalDirection.Sell, "M15", new SignalLevels(2000m, 2010m, 1990m, 1980m, 1970m), "{}", now,
                new SignalOrigin(Instrument.XauUsd, "aggressive", SignalSource.Live, ExitPlan.Default));
            sell.HitTarget(1, now);
            sell.HitTarget(2, now);
            sell.Stop(now);
            var open = Buy(today.AddHours(-1));
            var old = Buy(today.AddHours(-3));
            old.Stop(today.AddHours(-2));
            db.ForexSignals.AddRange(hit, sell, open, old, Buy(now, SignalSource.Demo));
            made = (hit, sell, open);
        }

        return made;
    }

    /// <summary>An older broadcast, and the last one: completed, 100 recipients, 90 sent, 10 failed.</summary>
    public static void Broadcasts(AppDbContext db, string tenant, DateTimeOffset now, int copies = 1)
    {
        for (var copy = 0; copy < copies; copy++)
        {
            db.BroadcastJobs.Add(BroadcastJob.Imported(tenant, "Older", BroadcastJobStatus.Completed, now.AddDays(-2 - copy), null, 5, 5, 0));
        }

        db.BroadcastJobs.Add(BroadcastJob.Imported(tenant, "Last", BroadcastJobStatus.Completed, now.AddHours(-1), now.AddMinutes(-50), 100, 90, 10));
    }

    /// <summary>Two coupon images made now; a failed attempt, a code check and yesterday's image do not count.</summary>
    public static void CouponAttempts(AppDbContext db, string tenant, DateTimeOffset now, int copies = 1)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        for (var copy = 0; copy < copies; copy++)
        {
            db.BotUsage.Add(BotUsage.InTelegram(tenant, 5, new CouponAttempt("CODE1", "black-friday", CouponSize.Square, null), now));
            db.BotUsage.Add(BotUsage.InTelegram(tenant, 6, new CouponAttempt("CODE2", "black-friday", CouponSize.Story, null), now));
            db.BotUsage.Add(BotUsage.InTelegram(tenant, 7, new CouponAttempt("BAD", "black-friday", CouponSize.Square, CouponErrorType.InvalidCode), now));
            db.BotUsage.Add(BotUsage.InTelegram(tenant, 8, new CouponAttempt("CODE3", null, null, null), now));
            db.BotUsage.Add(BotUsage.InTelegram(tenant, 9, new CouponAttempt("CODE4", "black-friday", CouponSize.Square, null), today.AddMinutes(-5)));
        }
    }

    /// <summary>A message queued by the signal bot to <paramref name="chatId"/>, saved; returns its id.</summary>
    public static async Task<long> OutboxAsync(AppDbContext db, string tenant, long chatId, DateTimeOffset now, string dedupe)
    {
        var message = TelegramOutboxMessage.Enqueue(tenant, new OutboxRequest(
            "signal_bot", Given.SignalBotId, chatId, "sendMessage", "{}", DeliverySemantics.AtMostOnce, OutboxPriority.Notification, "signal", dedupe), now);
        db.TelegramOutbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
