using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Broadcasts;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Subscriptions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Telegram;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Home;

/// <summary>
/// The home screen in one call: revenue, members, today's and open signals, the last broadcast, today's coupon
/// images, and a badge for everything failing. Demo data (signals, subscriptions, users) never counts. A fixed number of queries whatever the
/// data (each figure is counted or grouped by PostgreSQL; the counts share one query), while Telegram is asked about
/// the bots at the same time (remembered a minute; see <see cref="BotChecks"/>).
/// </summary>
public sealed record GetDashboard : ITenantQuery<DashboardDto>;

/// <param name="GeneratedAt">When the figures were read.</param>
/// <param name="Timezone">The tenant's IANA zone: what "today" and each day of the series mean.</param>
/// <param name="LastBroadcast">The newest broadcast with its delivery counts; null before the first.</param>
/// <param name="CouponImagesToday">Coupon images made today (Telegram and the web generator).</param>
/// <param name="Problems">Everything failing now, errors first; empty when all is well.</param>
/// <param name="HasDemoData">The workspace holds demo users or subscriptions: listed on the other screens, not counted here.</param>
public sealed record DashboardDto(
    DateTimeOffset GeneratedAt, string Timezone, DashboardRevenueDto Revenue, DashboardMembersDto Members, DashboardSignalsDto Signals,
    BroadcastDto? LastBroadcast, int CouponImagesToday, IReadOnlyList<DashboardProblemDto> Problems, bool HasDemoData);

/// <param name="Mrr">Monthly recurring revenue now, per currency (as <c>GET /api/subscriptions/metrics</c> counts it).</param>
/// <param name="From">The first day of the series (29 days before <see cref="To"/>).</param>
/// <param name="To">Today.</param>
/// <param name="New">Subscriptions first paid (or granted) in those 30 days.</param>
/// <param name="Churned">Subscriptions whose access ended in those 30 days.</param>
/// <param name="Daily">Each of the 30 days, in order, days without activity included with zeros.</param>
public sealed record DashboardRevenueDto(IReadOnlyList<Mrr> Mrr, DateOnly From, DateOnly To, int New, int Churned, IReadOnlyList<RevenueDayDto> Daily);

/// <param name="NewSubscriptions">Subscriptions first paid (or granted) that day.</param>
/// <param name="Churned">Subscriptions whose access ended that day.</param>
/// <param name="NewRevenue">
/// The first payments made through Stripe that day, at the plan's price in the synced catalogue, per currency. Renewals
/// are not recorded per payment, so they are not in it; hand-granted subscriptions cost nothing.
/// </param>
public sealed record RevenueDayDto(DateOnly Date, int NewSubscriptions, int Churned, IReadOnlyList<MoneyDto> NewRevenue);

/// <param name="AmountMinor">In the currency's minor unit (e.g. cents).</param>
public sealed record MoneyDto(string Currency, long AmountMinor);

/// <param name="VipMembers">Active subscriptions (they have VIP access).</param>
/// <param name="VipByPlan">Active subscriptions by plan (<c>monthly</c>, <c>annual</c>, <c>lifetime</c>).</param>
/// <param name="FreeLeads">Telegram users who started a bot or joined the FREE channel and never paid.</param>
/// <param name="ConvertedFreeLeads">Former free leads who paid.</param>
/// <param name="ConversionRate">Converted / (converted + free leads); 0 when both are 0.</param>
public sealed record DashboardMembersDto(int VipMembers, IReadOnlyDictionary<string, int> VipByPlan, int FreeLeads, int ConvertedFreeLeads, double ConversionRate);

/// <param name="Today">Signals opened today.</param>
/// <param name="Open">Signals still open (opened any day).</param>
/// <param name="PipsClosedToday">The results of the signals closed today, in pips.</param>
/// <param name="Items">Today's signals and the open ones, newest first (at most <see cref="GetDashboardHandler.MaxSignals"/>).</param>
public sealed record DashboardSignalsDto(int Today, int Open, decimal PipsClosedToday, IReadOnlyList<LiveSignalDto> Items);

/// <summary>A signal as it stands: its levels, how far it went, and its pips so far.</summary>
/// <param name="StopLoss">The stop as posted.</param>
/// <param name="CurrentStop">Where the stop is now (moved to the entry after TP1, to TP1 after TP2, per its exit plan).</param>
/// <param name="TargetsHit">How many take-profits were reached (0–3).</param>
/// <param name="PipsSoFar">
/// A closed signal's result; for an open one, the pips its hit targets locked in (their partial closes). No live price is
/// stored, so the part still open is not counted.
/// </param>
public sealed record LiveSignalDto(
    int Id, string Symbol, string Strategy, SignalDirection Direction, SignalStatus Status, bool IsOpen, decimal EntryPrice, decimal StopLoss,
    decimal CurrentStop, decimal? TakeProfit1, decimal? TakeProfit2, decimal? TakeProfit3, int TargetsHit, decimal? PipsSoFar,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>One thing failing, to show as a badge.</summary>
/// <param name="Message">What is wrong, in a sentence.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record DashboardProblemDto(DashboardProblemKind Kind, ProblemSeverity Severity, string Message, string Fix);

/// <summary>What failed. Serialized in snake case (<c>telegram_webhook</c>, …).</summary>
public enum DashboardProblemKind
{
    /// <summary>Telegram does not deliver a bot's updates here, or failed to lately.</summary>
    TelegramWebhook,

    /// <summary>Telegram refuses a bot's token: the bot neither sends nor receives.</summary>
    BotTokenRefused,

    /// <summary>Telegram could not be asked how a bot stands.</summary>
    TelegramUnreachable,

    /// <summary>The signal bot lacks a right it needs in the VIP or FREE channel.</summary>
    ChannelRights,

    /// <summary>Updates Telegram delivered could not be handled.</summary>
    UpdatesFailed,

    /// <summary>Messages failed or were given up.</summary>
    OutboxFailed,

    /// <summary>A Stripe secret key is saved, but no event from Stripe has verified yet.</summary>
    StripeNotVerified,
}

/// <summary><c>error</c>: something does not work now; <c>warning</c>: something may not.</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}

internal sealed class GetDashboardHandler(IAppDbContext db, BotChecks bots, BroadcastQueries broadcasts, TimeProvider clock)
    : IQueryHandler<GetDashboard, DashboardDto>
{
    /// <summary>How many of today's and the open signals the dashboard lists.</summary>
    public const int MaxSignals = 50;

    private const int Days = 30;

    /// <summary>How far back failures count.</summary>
    private static readonly TimeSpan Recent = TimeSpan.FromDays(1);

    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - Recent;
        var timezone = await db.Tenants.AsNoTracking().Select(t => t.Timezone).SingleAsync(cancellationToken);
        var zone = TimeZones.Find(timezone);
        var today = ZonedTime.Today(now, zone);
        var first = today.AddDays(1 - Days);
        var todayStart = ZonedTime.DayStart(today, zone);
        var seriesStart = ZonedTime.DayStart(first, zone);
        var seriesEnd = ZonedTime.DayStart(today.AddDays(1), zone);

        var connections = await db.BotConnections.AsNoTracking().ToListAsync(cancellationToken);
        // Telegram is asked while the database is read.
        var checking = bots.CheckAsync(connections, cancellationToken);

        var converted = SubscriptionFigures.ConvertedFreeLeads(db);
        var leads = FreeLeads.UserIds(db);
        var live = db.ForexSignals.AsNoTracking().Where(s => s.Source == SignalSource.Live);
        var failedDeliveries = FailedDeliveries(since);
        var verified = StripeEvidence.VerifiedHere(db);
        var facts = await db.Tenants.AsNoTracking().Select(t => new
            {
                Converted = converted.Count(),
                FreeLeads = leads.Count(),
                SignalsToday = live.Count(s => s.CreatedAt >= todayStart),
                OpenSignals = live.Count(s => s.Status == SignalStatus.Active || s.Status == SignalStatus.Tp1Hit || s.Status == SignalStatus.Tp2Hit),
                PipsClosedToday = live.Where(s => s.ClosedAt >= todayStart).Sum(s => s.ResultPips) ?? 0m,
                CouponImagesToday = db.BotUsage.Count(u => u.Success && u.TemplateSlug != null && u.CreatedAt >= todayStart),
                FailedDeliveries = failedDeliveries.Count(),
                FailedChannelDeliveries = failedDeliveries.Count(m => m.ChatId < 0),
                FailedUpdates = db.TelegramUpdates.Count(u => u.Status == InboxStatus.Failed && u.NextAttemptAt >= since),
                LastVerifiedAt = verified.Max(e => (DateTimeOffset?)e.ProcessedAt),
                DemoData = db.BotUsers.Any(u => u.IsDemo) || db.TelegramSubscriptions.Any(s => s.IsDemo),
            })
            .SingleAsync(cancellationToken);

        var active = await SubscriptionFigures.ActiveAsync(db, cancellationToken);
        var stripe = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var prices = await SubscriptionFigures.PlanPricesAsync(db, stripe, cancellationToken);
        var daily = await DailyAsync(timezone, first, seriesStart, seriesEnd, stripe, prices, cancellationToken);
        var signals = await live
            .Where(s => s.CreatedAt >= todayStart || s.Status == SignalStatus.Active || s.Status == SignalStatus.Tp1Hit || s.Status == SignalStatus.Tp2Hit)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(MaxSignals)
            .ToListAsync(cancellationToken);
        var lastBroadcast = await db.BroadcastJobs.AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        var latestFailure = facts.FailedDeliveries == 0
            ? null
            : await failedDeliveries.OrderByDescending(m => m.NextAttemptAt).ThenByDescending(m => m.Id).Select(m => m.LastError).FirstOrDefaultAsync(cancellationToken);

        var problems = new List<DashboardProblemDto>();
        foreach (var check in (await checking).Values.OrderBy(c => c.Role))
        {
            problems.AddRange(BotProblems(check, since));
        }

        if (facts.FailedUpdates > 0)
        {
            problems.Add(new DashboardProblemDto(DashboardProblemKind.UpdatesFailed, ProblemSeverity.Warning,
                facts.FailedUpdates == 1
                    ? "1 Telegram update could not be handled in the last 24 h: a user's message or a channel event went unanswered."
                    : $"{facts.FailedUpdates} Telegram updates could not be handled in the last 24 h: users' messages or channel events went unanswered.",
                "The app's log has each failure with its error; quote the time when reporting it."));
        }

        if (facts.FailedDeliveries > 0)
        {
            problems.Add(new DashboardProblemDto(
                DashboardProblemKind.OutboxFailed, facts.FailedChannelDeliveries > 0 ? ProblemSeverity.Error : ProblemSeverity.Warning,
                (facts.FailedDeliveries == 1 ? "1 message failed or was given up" : $"{facts.FailedDeliveries} messages failed or were given up")
                + " in the last 24 h"
                + (facts.FailedChannelDeliveries > 0 ? $", {facts.FailedChannelDeliveries} of them to a channel" : string.Empty)
                + (latestFailure is { Length: > 0 } error ? $" (latest: {TextCut.AtMost(error, 200)})." : "."),
                "Open the failed messages in the outbox (Telegram → Outbox, status failed), fix their cause, then retry them."));
        }

        if (stripe?.SecretKey is not null && facts.LastVerifiedAt is null)
        {
            problems.Add(new DashboardProblemDto(DashboardProblemKind.StripeNotVerified, ProblemSeverity.Warning,
                "No verified event from Stripe has arrived: payments may not grant VIP access.",
                "Add the webhook endpoint in Stripe with the events the setup checklist lists, and save its signing secret (Setup)."));
        }

        var conversion = new FreeLeadConversion(facts.Converted, facts.FreeLeads);
        return new DashboardDto(
            now, timezone,
            new DashboardRevenueDto(SubscriptionFigures.Mrr(active, stripe, prices), first, today, daily.Sum(d => d.NewSubscriptions), daily.Sum(d => d.Churned), daily),
            new DashboardMembersDto(active.Sum(a => a.Count), SubscriptionFigures.ByPlan(active), conversion.FreeLeads, conversion.Converted, conversion.Rate),
            new DashboardSignalsDto(facts.SignalsToday, facts.OpenSignals, facts.PipsClosedToday, [.. signals.Select(Live)]),
            lastBroadcast is null ? null : await broadcasts.DtoAsync(lastBroadcast, cancellationToken),
            facts.CouponImagesToday,
            [.. problems.OrderBy(p => p.Severity)],
            facts.DemoData);
    }

    /// <summary>
    /// Messages given up on lately (failed, or of unknown fate): neither those to users who blocked the bot (their own
    /// choice) nor those of a cancelled broadcast (withdrawn on purpose).
    /// </summary>
    private IQueryable<TelegramOutboxMessage> FailedDeliveries(DateTimeOffset since) =>
        db.TelegramOutbox.AsNoTracking().Where(m =>
            (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Unknown) && m.NextAttemptAt >= since
            && (m.LastError == null || !m.LastError.Contains("blocked by the user"))
            && !db.BroadcastDeliveries.Any(d => d.OutboxId == m.Id && d.Status == DeliveryStatus.Skipped));

    /// <summary>The 30 days of new and ended subscriptions, each grouped by day of the tenant's zone in PostgreSQL (demo ones left out).</summary>
    private async Task<IReadOnlyList<RevenueDayDto>> DailyAsync(
        string timezone, DateOnly first, DateTimeOffset from, DateTimeOffset to, TenantStripeSettings? stripe,
        IReadOnlyDictionary<string, TenantStripePrice> prices, CancellationToken cancellationToken)
    {
        var started = await SubscriptionFigures.StartedByDayAsync(db, timezone, from, to, cancellationToken);
        var ended = (await SubscriptionFigures.EndedByDayAsync(db, timezone, from, to, cancellationToken)).ToLookup(e => e.Day);

        return [.. Enumerable.Range(0, Days).Select(offset =>
        {
            var day = first.AddDays(offset);
            var sales = started.Where(s => s.Day == day).ToList();
            var revenue = sales.Where(s => s.ThroughStripe)
                .Select(s => (Price: SubscriptionFigures.PriceOf(s.Plan, stripe, prices), s.Count))
                .Where(s => s.Price is not null)
                .GroupBy(s => s.Price!.Currency)
                .Select(g => new MoneyDto(g.Key, g.Sum(s => s.Count * s.Price!.UnitAmount!.Value)))
                .ToList();
            return new RevenueDayDto(day, sales.Sum(s => s.Count), ended[day].Sum(e => e.Count), revenue);
        })];
    }

    private static LiveSignalDto Live(ForexSignal s) => new(
        s.Id, s.Symbol, s.Strategy, s.Direction, s.Status, s.IsOpen, s.EntryPrice, s.StopLoss, s.CurrentStop, s.TakeProfit1, s.TakeProfit2, s.TakeProfit3,
        s.TargetsHit, s.IsOpen ? LockedIn(s) : s.ResultPips, s.CreatedAt, s.ClosedAt);

    /// <summary>The pips the partial closes at the targets hit so far locked in (weighted as the final result will be).</summary>
    private static decimal LockedIn(ForexSignal s)
    {
        var exits = s.Exits;
        var sign = s.Direction == SignalDirection.Buy ? 1 : -1;
        var move = 0m;
        foreach (var (level, target) in new[] { s.TakeProfit1, s.TakeProfit2, s.TakeProfit3 }.Select((t, i) => (Level: i + 1, Target: t)).Take(s.TargetsHit))
        {
            move += exits.FractionAt(level, s.TargetCount) * sign * (target!.Value - s.EntryPrice);
        }

        return Math.Round(s.Instrument.ToPips(move), 2);
    }

    private static IEnumerable<DashboardProblemDto> BotProblems(BotCheck check, DateTimeOffset since)
    {
        const string reconnect = "Connect the bot again with its current token from @BotFather (Connections), which registers its webhook here.";
        switch (check.Failure)
        {
            case BotCheckFailure.Refused:
                yield return new DashboardProblemDto(DashboardProblemKind.BotTokenRefused, ProblemSeverity.Error,
                    $"{check.Name} does not work: {check.FailureReason}", reconnect);
                yield break;
            case BotCheckFailure.Unreachable:
                yield return new DashboardProblemDto(DashboardProblemKind.TelegramUnreachable, ProblemSeverity.Warning,
                    $"Telegram could not be asked how {check.Name} stands: {check.FailureReason}",
                    "Nothing to do if it passes: the home screen asks again within a minute.");
                yield break;
        }

        if (!check.WebhookHere)
        {
            yield return new DashboardProblemDto(DashboardProblemKind.TelegramWebhook, ProblemSeverity.Error,
                check.Webhook?.Url is { Length: > 0 } elsewhere
                    ? $"Telegram delivers {check.Name}'s updates to {elsewhere}, not here: its users and channels go unanswered."
                    : $"Telegram has no webhook for {check.Name}: its users and channels go unanswered.",
                reconnect + " Stop any other system that uses this bot.");
        }
        else if (check.Webhook is { LastErrorDate: { } failedAt } webhook && failedAt >= since)
        {
            yield return new DashboardProblemDto(DashboardProblemKind.TelegramWebhook, ProblemSeverity.Error,
                string.Create(CultureInfo.InvariantCulture,
                    $"Telegram could not deliver {check.Name}'s updates at {failedAt:yyyy-MM-dd HH:mm} UTC: {webhook.LastErrorMessage} ({webhook.PendingUpdateCount} waiting)."),
                "Make sure this API answers at its public URL (App__PublicBaseUrl) over HTTPS; Telegram delivers what is waiting once it does.");
        }

        foreach (var channel in check.Channels.Where(c => !c.Ok))
        {
            yield return new DashboardProblemDto(DashboardProblemKind.ChannelRights, ProblemSeverity.Error,
                $"{check.Name} {channel.Problem}: signals, VIP invitations or removals there fail.",
                $"In Telegram, make {check.Name} an administrator of the {channel.Channel} with the rights to post and edit messages, invite users and ban users.");
        }
    }
}
