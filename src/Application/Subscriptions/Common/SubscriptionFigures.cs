using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// The subscription figures the metrics and the home screen share, so both count the same way: active subscriptions
/// by plan, MRR from the cached Stripe prices, new and ended subscriptions per day, and free-lead conversion. Each is
/// one query, scoped to the tenant; demo data never counts.
/// </summary>
internal static class SubscriptionFigures
{
    /// <summary>The subscriptions the figures count: all of the tenant's but the demo's.</summary>
    public static IQueryable<TelegramSubscription> Counted(IAppDbContext db) => db.TelegramSubscriptions.AsNoTracking().Where(s => !s.IsDemo);

    /// <summary>Active subscriptions counted by plan and by whether they renew.</summary>
    public static async Task<IReadOnlyList<ActiveCount>> ActiveAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await Counted(db).Where(s => s.Status == SubscriptionStatus.Active)
            .GroupBy(s => new { s.PlanType, s.Renews })
            .Select(g => new ActiveCount(g.Key.PlanType, g.Key.Renews, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>Every plan by its lowercase name, with how many active subscriptions it has (zero included).</summary>
    public static IReadOnlyDictionary<string, int> ByPlan(IReadOnlyList<ActiveCount> active) =>
        Enum.GetValues<PlanType>().ToDictionary(p => p.ToString().ToLowerInvariant(), p => active.Where(a => a.Plan == p).Sum(a => a.Count));

    /// <summary>The cached Stripe prices of the plans the settings name, by price id.</summary>
    public static async Task<IReadOnlyDictionary<string, TenantStripePrice>> PlanPricesAsync(
        IAppDbContext db, TenantStripeSettings? settings, CancellationToken cancellationToken)
    {
        var priceIds = new[] { settings?.VipPriceId, settings?.AnnualPriceId, settings?.LifetimePriceId }.OfType<string>().ToList();
        return priceIds.Count == 0
            ? new Dictionary<string, TenantStripePrice>()
            : await db.StripePrices.AsNoTracking().Where(p => priceIds.Contains(p.StripePriceId)).ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
    }

    /// <summary>The configured price of a plan, when the catalogue has it with an amount.</summary>
    public static TenantStripePrice? PriceOf(PlanType plan, TenantStripeSettings? settings, IReadOnlyDictionary<string, TenantStripePrice> prices)
    {
        var priceId = plan switch
        {
            PlanType.Monthly => settings?.VipPriceId,
            PlanType.Annual => settings?.AnnualPriceId,
            _ => settings?.LifetimePriceId,
        };
        return priceId is not null && prices.TryGetValue(priceId, out var price) && price.UnitAmount is not null ? price : null;
    }

    /// <summary>
    /// Monthly recurring revenue per currency: renewing monthly subscriptions at the monthly price, renewing annual ones
    /// at a twelfth of the annual price; lifetime purchases and hand-granted terms (which do not renew) are left out.
    /// </summary>
    public static IReadOnlyList<Mrr> Mrr(IReadOnlyList<ActiveCount> active, TenantStripeSettings? settings, IReadOnlyDictionary<string, TenantStripePrice> prices)
    {
        var mrr = new Dictionary<string, long>();
        foreach (var (plan, months) in new[] { (PlanType.Monthly, 1), (PlanType.Annual, 12) })
        {
            var paying = active.Where(a => a.Plan == plan && a.Renews).Sum(a => a.Count);
            if (PriceOf(plan, settings, prices) is { UnitAmount: { } amount } price && paying > 0)
            {
                mrr[price.Currency] = mrr.GetValueOrDefault(price.Currency) + (paying * amount / months);
            }
        }

        return [.. mrr.Select(m => new Mrr(m.Key, m.Value))];
    }

    /// <summary>
    /// Subscriptions first paid (or granted) in [<paramref name="from"/>, <paramref name="to"/>), counted by day of the
    /// tenant's zone <paramref name="timezone"/> (PostgreSQL's <c>AT TIME ZONE</c>), plan, renewal, and whether Stripe was paid.
    /// </summary>
    public static async Task<IReadOnlyList<DayCount>> StartedByDayAsync(
        IAppDbContext db, string timezone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await Counted(db).Where(s => s.FirstPaidAt >= from && s.FirstPaidAt < to)
            .Select(s => new
            {
                Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(s.FirstPaidAt!.Value.UtcDateTime, timezone)),
                s.PlanType,
                s.Renews,
                ThroughStripe = s.StripeSubscriptionId != null || s.StripeCheckoutSessionId != null || s.StripePaymentIntentId != null,
            })
            .GroupBy(s => new { s.Day, s.PlanType, s.Renews, s.ThroughStripe })
            .Select(g => new DayCount(g.Key.Day, g.Key.PlanType, g.Key.Renews, g.Key.ThroughStripe, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Subscriptions whose access ended (cancelled or expired, not since reactivated) in [<paramref name="from"/>,
    /// <paramref name="to"/>): the churn, counted by day of the tenant's zone, plan and renewal.
    /// </summary>
    public static async Task<IReadOnlyList<DayCount>> EndedByDayAsync(
        IAppDbContext db, string timezone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await Counted(db)
            .Where(s => (s.Status == SubscriptionStatus.Cancelled || s.Status == SubscriptionStatus.Expired) && s.EndedAt >= from && s.EndedAt < to)
            .Select(s => new { Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(s.EndedAt!.Value.UtcDateTime, timezone)), s.PlanType, s.Renews })
            .GroupBy(s => new { s.Day, s.PlanType, s.Renews })
            .Select(g => new DayCount(g.Key.Day, g.Key.PlanType, g.Key.Renews, false, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>The subscriptions of former free leads who paid.</summary>
    public static IQueryable<TelegramSubscription> ConvertedFreeLeads(IAppDbContext db) =>
        Counted(db).Where(s => s.IsConverted && s.FirstPaidAt != null);

    /// <summary>Free leads who became payers, and free leads who have not (yet).</summary>
    public static async Task<FreeLeadConversion> ConversionAsync(IAppDbContext db, CancellationToken cancellationToken) => new(
        await ConvertedFreeLeads(db).CountAsync(cancellationToken),
        await FreeLeads.UserIds(db).CountAsync(cancellationToken));
}

/// <summary>How many subscriptions of a plan (renewing or not; paid through Stripe or not) started or ended on a day.</summary>
internal sealed record DayCount(DateOnly Day, PlanType Plan, bool Renews, bool ThroughStripe, int Count);

/// <summary>How many active subscriptions a plan has that renew (or not).</summary>
internal sealed record ActiveCount(PlanType Plan, bool Renews, int Count);

/// <summary>Free leads who paid (<see cref="Converted"/>) and those who have not (<see cref="FreeLeads"/>).</summary>
internal sealed record FreeLeadConversion(int Converted, int FreeLeads)
{
    public double Rate => Converted + FreeLeads == 0 ? 0 : (double)Converted / (Converted + FreeLeads);
}
