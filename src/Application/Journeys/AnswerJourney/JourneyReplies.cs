using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

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
