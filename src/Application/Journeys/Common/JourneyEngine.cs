using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Journeys;

/// <summary>
/// Runs sessions through their journey's flow: messages go to the outbox (keyed by session and position, so a step
/// processed twice sends once), delays and reply timeouts become <c>journey_scheduled_messages</c> rows, and a
/// session that waits stops here until a reply or its timer comes. Nothing here sleeps. Every timer names the
/// position it was set at (<see cref="JourneyUserSession.StepsTaken"/>): one that falls due after the session moved on
/// changes nothing, so a timer run twice, or racing a reply, advances the session at most once.
/// </summary>
internal sealed class JourneyEngine(IAppDbContext db, ITenantContext tenant, ITelegramOutbox outbox, TimeProvider clock)
{
    public const string ButtonPrefix = "jr:";
    public const string MessageKind = "journey";

    public static readonly JourneySessionStatus[] Running =
        [JourneySessionStatus.Active, JourneySessionStatus.WaitingDelay, JourneySessionStatus.AwaitingReply];

    public async Task<JourneyFlow> FlowAsync(Guid journeyId, CancellationToken cancellationToken)
    {
        var steps = await db.JourneySteps.AsNoTracking().Where(s => s.JourneyId == journeyId).OrderBy(s => s.StepOrder).ToListAsync(cancellationToken);
        return new JourneyFlow(steps.ConvertAll(StepConfigs.FromStored));
    }

    /// <summary>
    /// Starts <paramref name="journey"/> for a chat. A running session of it is kept (re-entry <c>block</c>, returns
    /// null) or ended with the reason <c>restarted</c> and replaced (<c>restart</c>).
    /// </summary>
    public async Task<JourneyUserSession?> StartAsync(Journey journey, long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var running = await db.JourneyUserSessions
            .FirstOrDefaultAsync(s => s.JourneyId == journey.Id && s.TelegramChatId == chatId && Running.Contains(s.Status), cancellationToken);
        if (running is not null)
        {
            if (journey.ReentryPolicy == ReentryPolicy.Block)
            {
                return null;
            }

            running.End("restarted", now);
            await CancelTimersAsync(running.Id, cancellationToken);
            // One running session per journey and chat (a unique index): the old one stops running first.
            await db.SaveChangesAsync(cancellationToken);
        }

        var flow = await FlowAsync(journey.Id, cancellationToken);
        var session = JourneyUserSession.Start(tenant.RequiredTenantId, journey.Id, chatId, userId, flow.First?.Id, now);
        db.JourneyUserSessions.Add(session);
        await RunAsync(session, journey, flow, cancellationToken);
        return session;
    }

    /// <summary>A reply to a session awaiting one: the answer (checked for a question), then on through the flow.</summary>
    public async Task ReplyAsync(JourneyUserSession session, string text, CancellationToken cancellationToken)
    {
        var journey = await db.Journeys.AsNoTracking().SingleAsync(j => j.Id == session.JourneyId, cancellationToken);
        var flow = await FlowAsync(session.JourneyId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (flow.Find(session.CurrentStepId))
        {
            case null:
                await EndAsync(session, "step_removed", cancellationToken);
                return;
            case QuestionStep question:
                if (AnswerRules.Valid(question, text) is { } answer)
                {
                    var answers = Answers(session);
                    answers[question.AnswerKey] = answer;
                    session.RecordAnswers(JsonSerializer.Serialize(answers), now);
                    await CancelTimersAsync(session.Id, cancellationToken);
                    session.Resume(flow.After(question)?.Id, now);
                    await RunAsync(session, journey, flow, cancellationToken);
                }
                else if (session.RecordInvalidAnswer(question.MaxRetries, now))
                {
                    await SendAsync(session, question.RetryPrompt, [], null, $"{Key(session)}:retry{session.RetryCount}", cancellationToken);
                }
                else
                {
                    await EndAsync(session, "invalid_answer", cancellationToken);
                }

                return;
            case WaitForReplyStep wait:
                if (wait.AnswerKey is { } key)
                {
                    var answers = Answers(session);
                    answers[key] = text.Trim().Length > 1000 ? text.Trim()[..1000] : text.Trim();
                    session.RecordAnswers(JsonSerializer.Serialize(answers), now);
                }

                await CancelTimersAsync(session.Id, cancellationToken);
                session.Resume(flow.AfterReply(wait, text)?.Id, now);
                await RunAsync(session, journey, flow, cancellationToken);
                return;
            case var step:
                // The flow was edited while the user was answering: the step is no longer one that waits.
                await CancelTimersAsync(session.Id, cancellationToken);
                session.Resume(flow.After(step)?.Id, now);
                await RunAsync(session, journey, flow, cancellationToken);
                return;
        }
    }

    /// <summary>A timer fell due: a delay ends, a reply wait times out, or an unanswered question hits the inactivity limit.</summary>
    public async Task DueAsync(JourneyScheduledMessage timer, CancellationToken cancellationToken)
    {
        var session = await db.JourneyUserSessions.SingleOrDefaultAsync(s => s.Id == timer.SessionId, cancellationToken);
        var content = JsonSerializer.Deserialize<TimerContent>(timer.MessageContent)!;
        if (session is null || !session.IsRunning || content.At != session.StepsTaken)
        {
            return;
        }

        var journey = await db.Journeys.AsNoTracking().SingleAsync(j => j.Id == session.JourneyId, cancellationToken);
        var flow = await FlowAsync(session.JourneyId, cancellationToken);
        var now = clock.GetUtcNow();
        var step = flow.Find(session.CurrentStepId);
        if (step is null)
        {
            await EndAsync(session, "step_removed", cancellationToken);
            return;
        }

        switch (content.Kind)
        {
            case TimerKind.Delay when session.Status == JourneySessionStatus.WaitingDelay:
                session.Resume(flow.After(step)?.Id, now);
                await RunAsync(session, journey, flow, cancellationToken);
                break;
            case TimerKind.ReplyTimeout when session.Status == JourneySessionStatus.AwaitingReply && step is WaitForReplyStep wait:
                if (wait.TimeoutMessage is { } message)
                {
                    await SendAsync(session, message, [], null, $"{Key(session)}:timeout", cancellationToken);
                }

                if (wait.OnTimeout == TimeoutAction.End)
                {
                    await EndAsync(session, "timeout", cancellationToken);
                }
                else
                {
                    session.Resume(flow.After(wait)?.Id, now);
                    await RunAsync(session, journey, flow, cancellationToken);
                }

                break;
            case TimerKind.Inactivity when session.Status == JourneySessionStatus.AwaitingReply:
                await EndAsync(session, "inactivity", cancellationToken);
                break;
        }
    }

    /// <summary>Ends a running session with a reason and cancels its timers.</summary>
    public async Task EndAsync(JourneyUserSession session, string reason, CancellationToken cancellationToken)
    {
        session.End(reason, clock.GetUtcNow());
        await CancelTimersAsync(session.Id, cancellationToken);
    }

    public Task CancelTimersAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.JourneyScheduledMessages.Where(m => m.SessionId == sessionId && m.Status == ScheduledMessageStatus.Pending)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, ScheduledMessageStatus.Cancelled).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), cancellationToken);

    public static Dictionary<string, string> Answers(JourneyUserSession session) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(session.Answers) ?? [];

    /// <summary>Runs the active session from its current step until it waits or ends.</summary>
    private async Task RunAsync(JourneyUserSession session, Journey journey, JourneyFlow flow, CancellationToken cancellationToken)
    {
        // The user may be new in this very update (not saved yet): the tracked one first.
        var user = db.BotUsers.Local.Where(u => u.ChatId == session.TelegramChatId).Select(u => new { u.FirstName, u.Username }).FirstOrDefault()
                   ?? await db.BotUsers.AsNoTracking().Where(u => u.ChatId == session.TelegramChatId)
                       .Select(u => new { u.FirstName, u.Username }).FirstOrDefaultAsync(cancellationToken);
        string Render(string text) => Placeholders.Render(text, user?.FirstName, user?.Username, Answers(session));

        // A validated flow has no cycle without user input; the bound only guards against an unforeseen one.
        for (var passed = 0; session.Status == JourneySessionStatus.Active; passed++)
        {
            var now = clock.GetUtcNow();
            if (session.CurrentStepId is null)
            {
                session.Complete(now);
                return;
            }

            if (passed > JourneyFlow.MaxSteps)
            {
                await EndAsync(session, "loop", cancellationToken);
                return;
            }

            switch (flow.Find(session.CurrentStepId))
            {
                case null:
                    await EndAsync(session, "step_removed", cancellationToken);
                    return;
                case MessageStep message:
                    await SendAsync(session, Render(message.Text), [.. message.Buttons.Select(b => (IReadOnlyList<InlineButton>)[new InlineButton(b.Text, Url: b.Url)])],
                        message.Photo, Key(session), cancellationToken);
                    if (flow.After(message) is { } next)
                    {
                        session.AdvanceTo(next.Id, now);
                    }
                    else
                    {
                        session.Complete(now);
                    }

                    break;
                case DelayStep delay:
                    var seconds = delay.Min == delay.Max
                        ? delay.Min.TotalSeconds
                        : Random.Shared.NextDouble() * (delay.Max - delay.Min).TotalSeconds + delay.Min.TotalSeconds;
                    Schedule(session, delay, TimerKind.Delay, now + TimeSpan.FromSeconds(Math.Round(seconds)));
                    session.WaitForDelay(now);
                    return;
                case QuestionStep question:
                    IReadOnlyList<IReadOnlyList<InlineButton>> choices = question.Validation == AnswerValidation.Choice
                        ? [.. question.Options.Select((o, i) => (IReadOnlyList<InlineButton>)[new InlineButton(o, CallbackData: $"{ButtonPrefix}{session.Id:N}:{i}")])]
                        : [];
                    await SendAsync(session, Render(question.Text), choices, null, Key(session), cancellationToken);
                    if (journey.InactivityTimeoutMinutes is { } minutes)
                    {
                        Schedule(session, question, TimerKind.Inactivity, now.AddMinutes(minutes));
                    }

                    session.AwaitReply(now);
                    return;
                case WaitForReplyStep wait:
                    Schedule(session, wait, TimerKind.ReplyTimeout, now + wait.Timeout);
                    session.AwaitReply(now);
                    return;
            }
        }
    }

    /// <summary>The timer of a session at its current position (a delay ending, a reply or an answer not coming in time).</summary>
    public static JourneyScheduledMessage Timer(string tenantId, JourneyUserSession session, StepDefinition step, TimerKind kind, DateTimeOffset due) =>
        JourneyScheduledMessage.Schedule(
            tenantId, session.Id, step.Id, session.TelegramChatId,
            JsonSerializer.Serialize(new TimerContent(kind, session.StepsTaken)), due, $"{Key(session)}:{kind.ToString().ToLowerInvariant()}");

    private void Schedule(JourneyUserSession session, StepDefinition step, TimerKind kind, DateTimeOffset due) =>
        db.JourneyScheduledMessages.Add(Timer(tenant.RequiredTenantId, session, step, kind, due));

    private async Task SendAsync(
        JourneyUserSession session, string html, IReadOnlyList<IReadOnlyList<InlineButton>> buttons, string? photo, string dedupeKey,
        CancellationToken cancellationToken)
    {
        OutgoingMessage message = photo is null
            ? new SendText(session.TelegramChatId, html, buttons.Count == 0 ? null : buttons)
            : new SendPhoto(session.TelegramChatId, photo, html, buttons.Count == 0 ? null : buttons);
        // At least once: a step that never arrives breaks the conversation; a rare repeat after a crash does not.
        await outbox.EnqueueAsync(
            message, new OutboxOptions(BotRole.MessageBot, dedupeKey, MessageKind, OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
    }

    /// <summary>The session's position: what its messages and timers are keyed by.</summary>
    private static string Key(JourneyUserSession session) => $"journey:{session.Id:N}:{session.StepsTaken}";
}
