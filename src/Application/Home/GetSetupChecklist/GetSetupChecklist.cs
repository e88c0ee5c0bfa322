using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Home;

/// <summary>
/// The first-run checklist: each step checked for real — against the database, and for the bots against Telegram
/// (webhook and channel rights, asked live; see <see cref="BotChecks"/>) — in a fixed order, with what is done, what
/// is wrong, how to fix it, and the first required step still to do.
/// </summary>
public sealed record GetSetupChecklist : ITenantQuery<SetupChecklistDto>;

/// <param name="Items">Every step, in the fixed order of <see cref="SetupStep"/>.</param>
/// <param name="NextStep">The first required (not optional) step not done yet; null when every required step is done.</param>
/// <param name="StripeWebhook">The endpoint to add in Stripe and the events to enable on it.</param>
public sealed record SetupChecklistDto(IReadOnlyList<SetupItemDto> Items, SetupStep? NextStep, StripeWebhookSetupDto StripeWebhook);

/// <param name="Key">Which step.</param>
/// <param name="Done">Checked and in order.</param>
/// <param name="Detail">What was found, in a sentence.</param>
/// <param name="FixHint">What to do about it (null when done).</param>
/// <param name="AdminOnly">Only an admin can do what the step needs; a member can only read it.</param>
/// <param name="Optional">The business runs without it; it is never the next step.</param>
public sealed record SetupItemDto(SetupStep Key, string Title, bool Done, string Detail, string? FixHint, bool AdminOnly, bool Optional);

/// <param name="Url">The tenant's webhook endpoint, to add in Stripe (Developers → Webhooks).</param>
/// <param name="Events">Exactly the event types PromoStack handles, to select on that endpoint.</param>
public sealed record StripeWebhookSetupDto(Uri Url, IReadOnlyList<string> Events);

/// <summary>The steps, in the order they are listed and done. Serialized in snake case (<c>signal_bot</c>, …).</summary>
public enum SetupStep
{
    SignalBot,
    MessageBot,
    Channels,
    StripeKeys,
    StripeWebhook,
    Prices,
    CrossPromo,
    FirstJourney,

    /// <summary>Optional: the coupon bot and its partner.</summary>
    CouponPartner,
}

internal sealed class GetSetupChecklistHandler(IAppDbContext db, ITenantContext tenant, BotChecks bots, IPublicUrls urls)
    : IQueryHandler<GetSetupChecklist, SetupChecklistDto>
{
    private const string ReconnectHint = "Connect it again with its current token from @BotFather (Connections)";

    public async ValueTask<SetupChecklistDto> Handle(GetSetupChecklist query, CancellationToken cancellationToken)
    {
        var connections = (await db.BotConnections.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.BotRole);
        // Telegram is asked while the database is read.
        var checking = bots.CheckAsync(connections.Values, cancellationToken);
        var stripe = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var prices = await SubscriptionFigures.PlanPricesAsync(db, stripe, cancellationToken);
        var verified = StripeEvidence.VerifiedHere(db);
        var facts = await db.Tenants.AsNoTracking().Select(t => new
            {
                LastVerifiedAt = verified.Max(e => (DateTimeOffset?)e.ProcessedAt),
                CrossPromoEnabled = db.CrossPromoSettings.Any(c => c.Enabled),
                Journeys = db.Journeys.Count(j => !j.IsDemo),
                PublishedJourneys = db.Journeys.Count(j => j.IsActive && !j.IsDemo),
                CouponValidation = db.CouponSettings.Select(c => (CodeValidation?)c.Validation).FirstOrDefault(),
                CouponTemplates = db.CouponTemplates.Count(c => c.TelegramEnabled || c.WebEnabled),
            })
            .SingleAsync(cancellationToken);
        var checks = await checking;
        var webhook = new StripeWebhookSetupDto(urls.StripeWebhook(tenant.RequiredTenantId), StripeEventTypes.Handled);

        SetupItemDto[] items =
        [
            SignalBot(connections.GetValueOrDefault(BotRole.SignalBot), checks),
            MessageBot(connections.GetValueOrDefault(BotRole.MessageBot), checks),
            Channels(connections.GetValueOrDefault(BotRole.SignalBot)),
            StripeKeys(stripe),
            StripeWebhook(stripe, facts.LastVerifiedAt, webhook),
            Prices(stripe, prices),
            CrossPromo(facts.CrossPromoEnabled, connections.GetValueOrDefault(BotRole.SignalBot)?.FreeChannelId),
            FirstJourney(facts.Journeys, facts.PublishedJourneys),
            CouponPartner(connections.GetValueOrDefault(BotRole.CouponBot), facts.CouponValidation, facts.CouponTemplates),
        ];
        return new SetupChecklistDto(items, items.FirstOrDefault(i => !i.Done && !i.Optional)?.Key, webhook);
    }

    private static SetupItemDto Done(SetupStep key, string title, string detail, bool optional = false) =>
        new(key, title, true, detail, null, AdminOnly: true, optional);

    private static SetupItemDto ToDo(SetupStep key, string title, string detail, string fix, bool optional = false) =>
        new(key, title, false, detail, fix, AdminOnly: true, optional);

    private static SetupItemDto SignalBot(TenantBotConnection? connection, IReadOnlyDictionary<BotRole, BotCheck> checks)
    {
        const string title = "Signal bot connected and allowed to post in the VIP and FREE channels";
        if (connection is null)
        {
            return ToDo(SetupStep.SignalBot, title, "No signal bot is connected: it posts the signals and admits VIP members to the VIP channel.",
                "Create a bot with @BotFather, make it an administrator of the VIP and FREE channels, then connect it with its token and both channels (Connections → Signal bot).");
        }

        if (connection.IsSandbox)
        {
            return Done(SetupStep.SignalBot, title, "A sandbox bot (Development): what it would post is recorded in the outbox; nothing reaches Telegram.");
        }

        var check = checks[BotRole.SignalBot];
        if (BotProblem(SetupStep.SignalBot, title, check) is { } problem)
        {
            return problem;
        }

        var wrong = check.Channels.Select(c => c.Problem).OfType<string>().ToList();
        if (wrong.Count > 0)
        {
            return ToDo(SetupStep.SignalBot, title, $"{check.Name} {string.Join("; it ", wrong)}.",
                $"In Telegram, make {check.Name} an administrator of each channel with the rights to post and edit messages, invite users and ban users.");
        }

        return Done(SetupStep.SignalBot, title, check.Channels.Count == 0
            ? $"{check.Name} is connected and Telegram delivers its updates here; it has no channel to post in yet (next: the channels)."
            : $"{check.Name} is connected, Telegram delivers its updates here, and it has every right the features need in the {string.Join(" and ", check.Channels.Select(c => c.Channel))}.");
    }

    private static SetupItemDto MessageBot(TenantBotConnection? connection, IReadOnlyDictionary<BotRole, BotCheck> checks)
    {
        const string title = "Message bot connected";
        if (connection is null)
        {
            return ToDo(SetupStep.MessageBot, title, "No message bot is connected: it is the bot subscribers talk to (plans, payments, journeys).",
                "Create a bot with @BotFather and connect it with its token (Connections → Message bot).");
        }

        if (connection.IsSandbox)
        {
            return Done(SetupStep.MessageBot, title, "A sandbox bot (Development): its replies are recorded in the outbox; nothing reaches Telegram.");
        }

        var check = checks[BotRole.MessageBot];
        return BotProblem(SetupStep.MessageBot, title, check)
            ?? Done(SetupStep.MessageBot, title, $"{check.Name} is connected and Telegram delivers its updates here.");
    }

    /// <summary>A bot Telegram could not be asked about, or whose updates go elsewhere; null when neither.</summary>
    private static SetupItemDto? BotProblem(SetupStep key, string title, BotCheck check)
    {
        if (check.Failure is { } failure)
        {
            return ToDo(key, title, $"{check.Name} could not be checked: {check.FailureReason}", failure == BotCheckFailure.Refused
                ? $"{ReconnectHint}."
                : "Telegram did not answer: try again in a minute.");
        }

        return check.WebhookHere
            ? null
            : ToDo(key, title,
                check.Webhook?.Url is { Length: > 0 } elsewhere
                    ? $"{check.Name} is connected, but Telegram delivers its updates to {elsewhere}."
                    : $"{check.Name} is connected, but Telegram has no webhook for it: its updates reach nobody.",
                $"{ReconnectHint}, which registers the webhook here; stop any other system that uses this bot.");
    }

    private static SetupItemDto Channels(TenantBotConnection? signalBot)
    {
        const string title = "VIP and FREE channels set";
        if (signalBot is null)
        {
            return ToDo(SetupStep.Channels, title, "The channels are set on the signal bot's connection, and no signal bot is connected.",
                "Connect the signal bot with the VIP and FREE channels' ids (-100…) or @names (Connections → Signal bot).");
        }

        var missing = new[] { (Name: "VIP", Id: signalBot.ChannelId), (Name: "FREE", Id: signalBot.FreeChannelId) }.Where(c => c.Id is null).Select(c => c.Name).ToList();
        return missing.Count == 0
            ? Done(SetupStep.Channels, title, $"VIP channel {signalBot.ChannelId}, FREE channel {signalBot.FreeChannelId}.")
            : ToDo(SetupStep.Channels, title, $"The signal bot has no {string.Join(" and no ", missing)} channel: VIP members are admitted to the VIP channel, free leads gather in the FREE one.",
                "Add the channels' ids (-100…) or @names to the signal bot's connection (Connections → Signal bot).");
    }

    private static SetupItemDto StripeKeys(TenantStripeSettings? stripe)
    {
        const string title = "Stripe keys saved";
        const string fix = "Paste the secret key (Stripe → Developers → API keys) and the webhook endpoint's signing secret (whsec_…) in the Stripe settings.";
        return stripe switch
        {
            null or { SecretKey: null } => ToDo(SetupStep.StripeKeys, title, "No Stripe secret key is saved: nobody can pay.", fix),
            { WebhookSecret: null } => ToDo(SetupStep.StripeKeys, title,
                "The secret key is saved, but not the webhook signing secret: Stripe's events cannot be verified, so payments never grant access.", fix),
            _ => Done(SetupStep.StripeKeys, title, "The secret key and the webhook signing secret are saved (encrypted)."),
        };
    }

    private static SetupItemDto StripeWebhook(TenantStripeSettings? stripe, DateTimeOffset? lastVerifiedAt, StripeWebhookSetupDto webhook)
    {
        const string title = "Stripe webhook verified";
        if (lastVerifiedAt is { } at)
        {
            return Done(SetupStep.StripeWebhook, title, string.Create(CultureInfo.InvariantCulture, $"Stripe reaches this API: its last verified event arrived {at:yyyy-MM-dd HH:mm} UTC."));
        }

        return ToDo(SetupStep.StripeWebhook, title,
            stripe?.WebhookSecret is null
                ? "No event from Stripe can be verified yet: the webhook signing secret is not saved."
                : "No verified event from Stripe has arrived yet.",
            $"In Stripe (Developers → Webhooks), add the endpoint {webhook.Url} with the events {string.Join(", ", webhook.Events)}; save its signing secret in the Stripe settings, then send a test event from Stripe.");
    }

    private static SetupItemDto Prices(TenantStripeSettings? stripe, IReadOnlyDictionary<string, TenantStripePrice> prices)
    {
        const string title = "VIP plans priced";
        var plans = new[] { (Plan: PlanType.Monthly, Id: stripe?.VipPriceId), (Plan: PlanType.Annual, Id: stripe?.AnnualPriceId), (Plan: PlanType.Lifetime, Id: stripe?.LifetimePriceId) }
            .Where(p => p.Id is not null)
            .Select(p => (p.Plan, Id: p.Id!, Price: prices.GetValueOrDefault(p.Id!)))
            .ToList();
        if (plans.Count == 0)
        {
            return ToDo(SetupStep.Prices, title, "No plan has a price: subscribers have nothing to buy.",
                "Choose the VIP product and its plans' prices (price_…) in the Stripe settings.");
        }

        var wrong = plans.Where(p => p.Price is not { Active: true, UnitAmount: not null })
            .Select(p => p.Price is null ? $"{p.Plan}: {p.Id} is not in the synced catalogue" : $"{p.Plan}: {p.Id} is archived in Stripe or has no amount")
            .ToList();
        return wrong.Count > 0
            ? ToDo(SetupStep.Prices, title, string.Join("; ", wrong) + ".", "Sync the Stripe catalogue (Stripe → Sync), or choose an active price in the Stripe settings.")
            : Done(SetupStep.Prices, title, string.Join(", ", plans.Select(p =>
                $"{p.Plan} {StripeMoney.Format(p.Price!.UnitAmount!.Value, p.Price.Currency)}{StripeMoney.Per(p.Price.RecurringInterval, p.Price.RecurringIntervalCount)}")) + ".");
    }

    private static SetupItemDto CrossPromo(bool enabled, string? freeChannel)
    {
        const string title = "Cross-promotion on";
        return (enabled, freeChannel) switch
        {
            (false, _) => ToDo(SetupStep.CrossPromo, title, "Cross-promotion is off: the FREE channel gets no morning post, VIP teaser or winning signals.",
                "Set the morning post time and the call-to-action URL, then turn it on (Cross-promotion)."),
            (true, null) => ToDo(SetupStep.CrossPromo, title, "Cross-promotion is on, but the signal bot has no FREE channel to post in.",
                "Add the FREE channel to the signal bot's connection (Connections → Signal bot)."),
            _ => Done(SetupStep.CrossPromo, title, $"On: it posts in the FREE channel {freeChannel}."),
        };
    }

    private static SetupItemDto FirstJourney(int journeys, int published)
    {
        const string title = "First journey published";
        return published > 0
            ? Done(SetupStep.FirstJourney, title, published == 1 ? "1 journey is published." : $"{published} journeys are published.")
            : ToDo(SetupStep.FirstJourney, title,
                journeys == 0 ? "No journey yet: the message bot only answers commands." : $"{journeys} journey(s), none published.",
                journeys == 0 ? "Create a journey (a welcome sequence, for instance), give it a trigger and publish it (Journeys)." : "Publish a journey (Journeys).");
    }

    private static SetupItemDto CouponPartner(TenantBotConnection? couponBot, CodeValidation? validation, int templates)
    {
        const string title = "Coupon partner set up (optional)";
        var missing = new List<string>();
        if (couponBot is null)
        {
            missing.Add("no coupon bot is connected");
        }

        if (validation is null)
        {
            missing.Add("no coupon settings are saved (how a code is checked, the partner's link)");
        }

        if (templates == 0)
        {
            missing.Add("no coupon template is enabled");
        }

        return missing.Count > 0
            ? ToDo(SetupStep.CouponPartner, title, char.ToUpperInvariant(missing[0][0]) + string.Join("; ", missing)[1..] + ".",
                "Connect a coupon bot (Connections → Coupon bot), save the coupon settings and enable a template (Coupons).", optional: true)
            : Done(SetupStep.CouponPartner, title,
                $"Codes are checked by {validation switch { CodeValidation.Partner => "the partner's API", CodeValidation.CodeList => "the uploaded code list", _ => "their pattern" }}; "
                + (templates == 1 ? "1 template is enabled." : $"{templates} templates are enabled."),
                optional: true);
    }
}
