using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram.Routing;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Journeys;

/// <summary>A due <c>journey_scheduled_messages</c> row: its session advances (at most once; see <see cref="JourneyEngine"/>).</summary>
public sealed record RunJourneyTimer(Guid TimerId) : ITenantCommand<Unit>;

/// <summary>A timer that kept failing gave up: its session fails with the reason.</summary>
public sealed record FailJourneyTimer(Guid TimerId, string Error) : ITenantCommand<Unit>;

internal sealed class RunJourneyTimerHandler(IAppDbContext db, JourneyEngine engine) : ICommandHandler<RunJourneyTimer, Unit>
{
    public async ValueTask<Unit> Handle(RunJourneyTimer command, CancellationToken cancellationToken)
    {
        if (await db.JourneyScheduledMessages.AsNoTracking().SingleOrDefaultAsync(
                m => m.Id == command.TimerId && m.Status == ScheduledMessageStatus.Pending, cancellationToken) is { } timer)
        {
            await engine.DueAsync(timer, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

internal sealed class FailJourneyTimerHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<FailJourneyTimer, Unit>
{
    public async ValueTask<Unit> Handle(FailJourneyTimer command, CancellationToken cancellationToken)
    {
        var sessionId = await db.JourneyScheduledMessages.Where(m => m.Id == command.TimerId).Select(m => (Guid?)m.SessionId).SingleOrDefaultAsync(cancellationToken);
        if (await db.JourneyUserSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is { IsRunning: true } session)
        {
            var reason = $"failed: {command.Error}";
            session.Fail(reason.Length > 64 ? reason[..64] : reason, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

/// <summary>A journey message that could not be delivered (e.g. the user blocked the bot) fails its session.</summary>
internal sealed class JourneyDeliveryFailures(IAppDbContext db, JourneyEngine engine, TimeProvider clock) : Telegram.IDeliveryFailureHandler
{
    public string Kind => JourneyEngine.MessageKind;

    public async Task HandleAsync(string? dedupeKey, string reason, CancellationToken cancellationToken)
    {
        // Keys look like journey:<session>:<position>[:...].
        var parts = dedupeKey?.Split(':');
        if (parts is not { Length: >= 2 } || !Guid.TryParseExact(parts[1], "N", out var sessionId)
            || await db.JourneyUserSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is not { IsRunning: true } session)
        {
            return;
        }

        var why = $"delivery_failed: {reason}";
        session.Fail(why.Length > 64 ? why[..64] : why, clock.GetUtcNow());
        await engine.CancelTimersAsync(session.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Finds the published journeys whose triggers match, oldest first.</summary>
internal sealed class JourneyTriggerIndex(IAppDbContext db)
{
    public async Task<IReadOnlyList<(Journey Journey, TriggerDefinition Trigger)>> ActiveAsync(string type, CancellationToken cancellationToken)
    {
        var rows = await db.JourneyTriggers.AsNoTracking()
            .Where(t => t.TriggerType == type && t.IsActive)
            .Join(db.Journeys.AsNoTracking().Where(j => j.IsActive), t => t.JourneyId, j => j.Id, (t, j) => new { Trigger = t, Journey = j })
            .OrderBy(x => x.Journey.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Journey, TriggerConfigs.FromStored(r.Trigger)))];
    }
}

/// <summary><c>/start &lt;code&gt;</c> of a published journey starts it (re-entry policy applies).</summary>
internal sealed class JourneyDeepLinks(JourneyTriggerIndex triggers, JourneyEngine engine) : IDeepLinkHandler
{
    public async Task<bool> TryHandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken)
    {
        var match = (await triggers.ActiveAsync(TriggerConfigs.DeepLink, cancellationToken))
            .FirstOrDefault(t => ((DeepLinkTrigger)t.Trigger).Code == payload);
        if (match.Journey is null)
        {
            return false;
        }

        await engine.StartAsync(match.Journey, context.ChatId, context.From.Id, cancellationToken);
        return true;
    }
}

/// <summary>A plain-text message to a chat with a session awaiting a reply goes to that session (the most recent one).</summary>
internal sealed class JourneyReplies(IAppDbContext db, JourneyEngine engine) : IConversationHandler
{
    public ConversationStage Stage => ConversationStage.JourneySession;

    public async Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        var session = await db.JourneyUserSessions
            .Where(s => s.TelegramChatId == context.ChatId && s.Status == JourneySessionStatus.AwaitingReply)
            .OrderByDescending(s => s.LastActivityAt).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return false;
        }

        await engine.ReplyAsync(session, context.Text, cancellationToken);
        return true;
    }
}

/// <summary>A message with a published journey's keyword starts that journey (the oldest journey's keyword wins).</summary>
internal sealed class JourneyKeywords(JourneyTriggerIndex triggers, JourneyEngine engine) : IConversationHandler
{
    public ConversationStage Stage => ConversationStage.Keyword;

    public async Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        var match = (await triggers.ActiveAsync(TriggerConfigs.Keyword, cancellationToken))
            .FirstOrDefault(t => ((KeywordTrigger)t.Trigger).Matches(context.Text));
        if (match.Journey is null)
        {
            return false;
        }

        await engine.StartAsync(match.Journey, context.ChatId, context.From.Id, cancellationToken);
        return true;
    }
}

/// <summary>A choice button under a question (<c>jr:&lt;session&gt;:&lt;option&gt;</c>): that option is the answer.</summary>
internal sealed class JourneyChoiceButton(IAppDbContext db, JourneyEngine engine) : IButtonHandler
{
    public string Prefix => JourneyEngine.ButtonPrefix;

    public async Task<string?> HandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        var parts = context.Text[Prefix.Length..].Split(':');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var sessionId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var option))
        {
            return null;
        }

        var session = await db.JourneyUserSessions.SingleOrDefaultAsync(
            s => s.Id == sessionId && s.TelegramChatId == context.ChatId && s.Status == JourneySessionStatus.AwaitingReply, cancellationToken);
        if (session is null)
        {
            return "This question has already been answered.";
        }

        var flow = await engine.FlowAsync(session.JourneyId, cancellationToken);
        if (flow.Find(session.CurrentStepId) is not QuestionStep { Validation: AnswerValidation.Choice } question || option >= question.Options.Count)
        {
            return "This question has already been answered.";
        }

        await engine.ReplyAsync(session, question.Options[option], cancellationToken);
        return null;
    }
}

/// <summary>
/// Starts the journeys an event triggers, for users the message bot can reach (a known bot user who has not blocked
/// the bot or sent /stop); anyone else is skipped with the reason recorded in <c>journey_skips</c>.
/// </summary>
internal sealed class JourneyEventStarter(IAppDbContext db, ITenantContext tenant, JourneyTriggerIndex triggers, JourneyEngine engine, TimeProvider clock)
{
    public async Task StartAsync(string eventName, long? telegramUserId, CancellationToken cancellationToken)
    {
        var journeys = (await triggers.ActiveAsync(TriggerConfigs.Event, cancellationToken))
            .Where(t => ((EventTrigger)t.Trigger).Event == eventName).Select(t => t.Journey).ToList();
        if (journeys.Count == 0 || telegramUserId is not { } userId)
        {
            return;
        }

        var user = await db.BotUsers.AsNoTracking().FirstOrDefaultAsync(u => u.ChatId == userId, cancellationToken);
        var reason = user switch
        {
            null => "The user has never started the bot, so it cannot message them.",
            { IsBlocked: true } => "The user has blocked the bot.",
            { UnsubscribedAt: not null } => "The user sent /stop.",
            _ => null,
        };
        foreach (var journey in journeys)
        {
            if (reason is null)
            {
                await engine.StartAsync(journey, userId, userId, cancellationToken);
            }
            else
            {
                db.JourneySkips.Add(JourneySkip.Record(tenant.RequiredTenantId, journey.Id, userId, eventName, reason, clock.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class JourneysOnChannelJoin(JourneyEventStarter starter) : IDomainEventHandler<UserJoinedChannel>
{
    public Task HandleAsync(UserJoinedChannel domainEvent, CancellationToken cancellationToken) =>
        starter.StartAsync(domainEvent.Channel == ChannelKind.Vip ? TriggerConfigs.JoinedVip : TriggerConfigs.JoinedFreeChannel, domainEvent.TelegramUserId, cancellationToken);
}

internal sealed class JourneysOnPayment(JourneyEventStarter starter) : IDomainEventHandler<SubscriptionActivated>
{
    public Task HandleAsync(SubscriptionActivated domainEvent, CancellationToken cancellationToken) =>
        starter.StartAsync(TriggerConfigs.PaymentSucceeded, domainEvent.TelegramUserId, cancellationToken);
}

internal sealed class JourneysOnCancellation(JourneyEventStarter starter) : IDomainEventHandler<SubscriptionCancelled>
{
    public Task HandleAsync(SubscriptionCancelled domainEvent, CancellationToken cancellationToken) =>
        starter.StartAsync(TriggerConfigs.SubscriptionCancelled, domainEvent.TelegramUserId, cancellationToken);
}
