using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Campaigns;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Journeys;
using PromoStack.Application.Subscriptions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Dev;

/// <summary>
/// Development only (sent by the <c>dev-token</c> verb for the demo tenant, after <see cref="SeedCouponDemo"/>): data
/// to look at in the admin app, made through the use cases an admin (or Telegram) would trigger — a published journey
/// on the deep link <c>demo</c> (a message, a question with buttons, a delay, a message), a live campaign, a dozen bot
/// users who started the bots, stopped, blocked them, joined the channels, used the coupon bot, took the journey, and
/// subscriptions in every state (active monthly and annual, lifetime, cancelled, expired). The users and their
/// subscriptions are made only while the message and signal bots are sandbox bots: nothing of it may reach Telegram.
/// Each part is made once, in one transaction: running it again creates nothing. Everything it makes is marked as demo
/// data (<c>is_demo</c>): listed on the screens, left out of the real figures and of every audience messages go to.
/// </summary>
public sealed record SeedDemoData : ITenantCommand<DemoDataSeeded>;

/// <summary>What this run made (all zero and false when everything was there already).</summary>
public sealed record DemoDataSeeded(bool Journey, bool Campaign, int Users, int Subscriptions);

internal sealed class SeedDemoDataHandler(ISender sender, IAppDbContext db, ITenantContext tenant, TimeProvider clock)
    : ICommandHandler<SeedDemoData, DemoDataSeeded>
{
    private const string MarketQuestion = "Which market do you trade?";

    /// <summary>The demo users' updates never reach the inbox; their ids are negative so no real or sandbox update shares one.</summary>
    private long _updateId;

    private static readonly DemoUser[] Users =
    [
        new(1, "demo_ava", "Ava"), new(2, "demo_ben", "Ben"), new(3, "demo_chloe", "Chloe"), new(4, "demo_dan", "Dan"),
        new(5, "demo_eva", "Eva"), new(6, "demo_finn", "Finn"), new(7, "demo_gia", "Gia"), new(8, "demo_hugo", "Hugo"),
        new(9, "demo_isla", "Isla"), new(10, "demo_jon", "Jon"), new(11, "demo_kai", "Kai"), new(12, "demo_lena", "Lena"),
    ];

    public async ValueTask<DemoDataSeeded> Handle(SeedDemoData command, CancellationToken cancellationToken)
    {
        var journey = await JourneyAsync(cancellationToken);
        var campaign = await CampaignAsync(cancellationToken);
        var bots = await db.BotConnections.AsNoTracking().Where(c => c.IsSandbox).ToDictionaryAsync(c => c.BotRole, cancellationToken);
        if (!bots.TryGetValue(BotRole.MessageBot, out var messageBot) || !bots.TryGetValue(BotRole.SignalBot, out var signalBot))
        {
            return new DemoDataSeeded(journey, campaign, 0, 0);
        }

        var users = await UsersAsync(messageBot, signalBot, bots.GetValueOrDefault(BotRole.CouponBot), cancellationToken);
        var subscriptions = await SubscriptionsAsync(cancellationToken);
        if (users > 0)
        {
            await ChannelJoinsAsync(signalBot, cancellationToken);
        }

        await MarkPeopleAsync(cancellationToken);
        return new DemoDataSeeded(journey, campaign, users, subscriptions);
    }

    /// <summary>The sample journey, found again by its deep link (a name can be edited; two journeys cannot share a link).</summary>
    private async Task<bool> JourneyAsync(CancellationToken cancellationToken)
    {
        var deepLinks = await db.JourneyTriggers.AsNoTracking().Where(t => t.TriggerType == TriggerConfigs.DeepLink).ToListAsync(cancellationToken);
        if (deepLinks.Any(t => TriggerConfigs.FromStored(t).Identity == $"{TriggerConfigs.DeepLink}:{DemoAudience.DeepLink}"))
        {
            return false;
        }

        var journey = await sender.Send(
            new CreateJourney(DemoAudience.JourneyName, "Demo data: a tour for newcomers, started by the deep link ?start=demo.", ReentryPolicy.Restart, null),
            cancellationToken);
        await sender.Send(new ReplaceJourneySteps(journey.Id,
        [
            Step("message", new
            {
                text = "Welcome to the demo! 👋 We post gold and forex signals every day.",
                buttons = new[] { new { text = "Our website", url = "https://example.com" } },
            }),
            Step("question", new
            {
                text = MarketQuestion, answer_key = "market", validation = "choice", options = new[] { "Gold", "Forex", "Indices" },
                retry_prompt = "Please pick one of the buttons.", max_retries = 2,
            }),
            Step("delay", new { seconds = 60 }),
            Step("message", new { text = "Thanks! Send /vip to see our VIP plans." }),
        ]), cancellationToken);
        await sender.Send(new AddJourneyTrigger(journey.Id, TriggerConfigs.DeepLink, JsonSerializer.SerializeToElement(new { code = DemoAudience.DeepLink })), cancellationToken);
        await sender.Send(new PublishJourney(journey.Id), cancellationToken);
        (await db.Journeys.SingleAsync(j => j.Id == journey.Id, cancellationToken)).MarkDemo();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<bool> CampaignAsync(CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AnyAsync(c => c.Title == DemoAudience.CampaignTitle, cancellationToken))
        {
            return false;
        }

        // From yesterday (UTC), so it is running today whatever the tenant's zone.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var campaign = await sender.Send(
            new CreateCampaign(DemoAudience.CampaignTitle, "Demo data: share our channel, win a month of VIP.", today.AddDays(-1), today.AddDays(30), "A month of VIP"),
            cancellationToken);
        await sender.Send(new PublishCampaign(campaign.Id), cancellationToken);
        (await db.Campaigns.SingleAsync(c => c.Id == campaign.Id, cancellationToken)).MarkDemo();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The users meet the bots as Telegram would report it: each update is handled by the inbox's own use case.</summary>
    private async Task<int> UsersAsync(
        TenantBotConnection messageBot, TenantBotConnection signalBot, TenantBotConnection? couponBot,
        CancellationToken cancellationToken)
    {
        if (await db.BotUsers.AnyAsync(u => u.ChatId >= DemoAudience.FirstUserId && u.ChatId <= DemoAudience.LastUserId, cancellationToken))
        {
            return 0;
        }

        foreach (var user in Users.Where(u => u.Number is not (9 or 11)))
        {
            await SayAsync(messageBot, user, user.Number is 6 or 12 ? $"/start {DemoAudience.DeepLink}" : "/start", cancellationToken);
        }

        await SayAsync(messageBot, User(7), "/stop", cancellationToken);
        await HandleAsync(messageBot, new BotStatusChanged(NextUpdate(), User(8).Id, true, User(8).Telegram, BotIsMember: false), cancellationToken);
        await PressAsync(messageBot, User(6), "Forex", cancellationToken);
        if (couponBot is not null)
        {
            await SayAsync(couponBot, User(9), "/start", cancellationToken);
            await SayAsync(couponBot, User(9), "DEMO10", cancellationToken);
            await SayAsync(couponBot, User(11), "/start", cancellationToken);
            await HandleAsync(couponBot, new BotStatusChanged(NextUpdate(), User(11).Id, true, User(11).Telegram, BotIsMember: false), cancellationToken);
        }

        if (signalBot.FreeChannelId is { } free && long.TryParse(free, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var freeChannel))
        {
            await HandleAsync(signalBot, new MemberChanged(NextUpdate(), freeChannel, null, User(10).Telegram, false, true, null), cancellationToken);
        }

        return await db.BotUsers.CountAsync(u => u.ChatId >= DemoAudience.FirstUserId && u.ChatId <= DemoAudience.LastUserId, cancellationToken);
    }

    /// <summary>Every state a subscription can be in, each made as an admin would (a grant, a revoke) or, for an expiry, by the domain.</summary>
    private async Task<int> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        var made = 0;
        foreach (var (number, plan) in ((int, PlanType)[])[(1, PlanType.Monthly), (2, PlanType.Annual), (3, PlanType.Lifetime), (4, PlanType.Monthly)])
        {
            if (await ExistsAsync(User(number), cancellationToken))
            {
                continue;
            }

            var granted = await sender.Send(new GrantSubscription(User(number).Email, plan, User(number).Id, null), cancellationToken);
            if (number == 4)
            {
                await sender.Send(new RevokeSubscription(granted.Id), cancellationToken);
            }

            made++;
        }

        if (!await ExistsAsync(User(5), cancellationToken))
        {
            var now = clock.GetUtcNow();
            var expired = TelegramSubscription.Begin(tenant.RequiredTenantId, User(5).Email, PlanType.Monthly, now);
            expired.LinkTelegramUser(User(5).Id, User(5).Telegram.Username, wasFreeLead: true);
            expired.Activate(now, now, renews: false);
            expired.Expire(now);
            db.TelegramSubscriptions.Add(expired);
            await db.SaveChangesAsync(cancellationToken);
            made++;
        }

        return made;
    }

    /// <summary>Two of the VIPs joined the VIP channel (the lifetime one has not yet).</summary>
    private async Task ChannelJoinsAsync(TenantBotConnection signalBot, CancellationToken cancellationToken)
    {
        if (signalBot.ChannelId is not { } vip || !long.TryParse(vip, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var vipChannel))
        {
            return;
        }

        foreach (var number in (int[])[1, 2])
        {
            await HandleAsync(signalBot, new MemberChanged(NextUpdate(), vipChannel, null, User(number).Telegram, false, true, null), cancellationToken);
        }
    }

    /// <summary>The demo users, their channel memberships and their subscriptions, marked as demo data (those not yet).</summary>
    private async Task MarkPeopleAsync(CancellationToken cancellationToken)
    {
        var users = await db.BotUsers.Where(u => u.ChatId >= DemoAudience.FirstUserId && u.ChatId <= DemoAudience.LastUserId && !u.IsDemo)
            .ToListAsync(cancellationToken);
        users.ForEach(u => u.MarkDemo());
        var memberships = await db.ChannelMemberships
            .Where(m => m.TelegramUserId >= DemoAudience.FirstUserId && m.TelegramUserId <= DemoAudience.LastUserId && !m.IsDemo)
            .ToListAsync(cancellationToken);
        memberships.ForEach(m => m.MarkDemo());
        var subscriptions = await db.TelegramSubscriptions
            .Where(s => s.Email != null && s.Email.EndsWith("@" + DemoAudience.EmailDomain) && !s.IsDemo)
            .ToListAsync(cancellationToken);
        subscriptions.ForEach(s => s.MarkDemo());
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<bool> ExistsAsync(DemoUser user, CancellationToken cancellationToken) =>
        db.TelegramSubscriptions.AnyAsync(s => s.Email == user.Email, cancellationToken);

    private Task SayAsync(TenantBotConnection bot, DemoUser user, string text, CancellationToken cancellationToken) =>
        HandleAsync(bot, new PrivateMessage(NextUpdate(), user.Id, user.Telegram, text), cancellationToken);

    /// <summary>The user presses the button <paramref name="label"/> of the last message the bot queued for them.</summary>
    private async Task PressAsync(TenantBotConnection bot, DemoUser user, string label, CancellationToken cancellationToken)
    {
        var payloads = await db.TelegramOutbox.AsNoTracking().Where(m => m.ChatId == user.Id && m.BotTelegramId == bot.BotTelegramId)
            .OrderByDescending(m => m.Id).Select(m => m.Payload).ToListAsync(cancellationToken);
        var data = payloads.Select(p => OutboxContent.Read(p).Buttons.SelectMany(row => row).FirstOrDefault(b => b.Text == label)?.CallbackData)
            .FirstOrDefault(d => d is not null);
        if (data is not null)
        {
            var update = NextUpdate();
            await HandleAsync(bot, new ButtonPressed(update, $"demo-{-update}", user.Telegram, user.Id, data), cancellationToken);
        }
    }

    private async Task HandleAsync(TenantBotConnection bot, IncomingUpdate update, CancellationToken cancellationToken) =>
        await sender.Send(new HandleTelegramUpdate(bot.BotTelegramId, update), cancellationToken);

    private long NextUpdate() => --_updateId;

    private static DemoUser User(int number) => Users[number - 1];

    private static StepInput Step(string type, object config) => new(null, type, JsonSerializer.SerializeToElement(config));

    private sealed record DemoUser(int Number, string Username, string FirstName)
    {
        public long Id => DemoAudience.FirstUserId + Number;

        public string Email => $"{Username[5..]}@{DemoAudience.EmailDomain}";

        public TelegramUser Telegram => new(Id, Username, FirstName, DemoAudience.LastName);
    }
}
