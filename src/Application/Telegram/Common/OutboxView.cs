using PromoStack.Application.Common.Security;

namespace PromoStack.Application.Telegram;

/// <summary>
/// An outbox message as the current user may see it. A private chat is a person: its id and what was sent there
/// (their name, their payment link, their answers) are personal data, shown to admins only. Groups and channels have
/// negative ids and are shown to every member.
/// </summary>
internal static class OutboxView
{
    public static long? ChatId(long chatId, PersonalData personal) => IsPerson(chatId) ? personal.Id<long>(chatId) : chatId;

    /// <summary>The message's content, or null for a member looking at a message to a person.</summary>
    public static MessageContentDto? Content(long chatId, string method, string payload, long? dependsOnId, PersonalData personal) =>
        IsPerson(chatId) && !personal.InFull ? null : MessageContentDto.Read(method, payload, dependsOnId is not null);

    /// <summary>A user's private chat (a button's notice has no chat: 0).</summary>
    private static bool IsPerson(long chatId) => chatId >= 0;
}
