using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

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
