using System.Text.Json;
using PromoStack.Application.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>Reads webhook bodies with Telegram.Bot's own JSON options (ids above 2^32 included).</summary>
public sealed class TelegramUpdateReader : ITelegramUpdateReader
{
    public UpdateEnvelope? ReadEnvelope(string json)
    {
        var update = Parse(json);
        return update.Type switch
        {
            UpdateType.Message => new UpdateEnvelope(update.Id, "message", update.Message!.Chat.Id),
            UpdateType.CallbackQuery => new UpdateEnvelope(update.Id, "callback_query", update.CallbackQuery!.Message?.Chat.Id ?? update.CallbackQuery.From.Id),
            UpdateType.ChatMember => new UpdateEnvelope(update.Id, "chat_member", update.ChatMember!.Chat.Id),
            UpdateType.MyChatMember => new UpdateEnvelope(update.Id, "my_chat_member", update.MyChatMember!.Chat.Id),
            UpdateType.ChatJoinRequest => new UpdateEnvelope(update.Id, "chat_join_request", update.ChatJoinRequest!.Chat.Id),
            UpdateType.ChannelPost => new UpdateEnvelope(update.Id, "channel_post", update.ChannelPost!.Chat.Id),
            _ => null,
        };
    }

    public IncomingUpdate Read(string json)
    {
        var update = Parse(json);
        return update switch
        {
            { Message: { Chat.Type: ChatType.Private } message } =>
                new PrivateMessage(update.Id, message.Chat.Id, User(message.From) ?? ChatUser(message.Chat), message.Text),
            { CallbackQuery: { } query } => new ButtonPressed(update.Id, query.Id, User(query.From)!, query.Message?.Chat.Id, query.Data),
            { ChatMember: { } change } => new MemberChanged(
                update.Id, change.Chat.Id, change.Chat.Username, User(change.NewChatMember.User)!, IsMember(change.OldChatMember),
                IsMember(change.NewChatMember), change.InviteLink?.InviteLink),
            { MyChatMember: { } change } => new BotStatusChanged(
                update.Id, change.Chat.Id, change.Chat.Type == ChatType.Private, User(change.From)!, IsMember(change.NewChatMember)),
            { ChatJoinRequest: { } request } => new JoinRequested(
                update.Id, request.Chat.Id, request.Chat.Username, User(request.From)!, request.InviteLink?.InviteLink),
            { ChannelPost: { } post } => new ChannelPosted(
                update.Id, post.Chat.Id, post.Chat.Username, post.Id, post.Text ?? post.Caption, post.Type is not MessageType.Text),
            _ => new OtherUpdate(update.Id, update.Type.ToString()),
        };
    }

    private static Update Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options) ?? throw new MalformedUpdateException("The body is JSON null.");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new MalformedUpdateException($"The body is not a Telegram update: {exception.Message}", exception);
        }
    }

    private static bool IsMember(ChatMember member) => member switch
    {
        ChatMemberMember or ChatMemberAdministrator or ChatMemberOwner => true,
        ChatMemberRestricted restricted => restricted.IsMember,
        _ => false,
    };

    private static TelegramUser? User(User? user) => user is null ? null : new TelegramUser(user.Id, user.Username, user.FirstName, user.LastName);

    private static TelegramUser ChatUser(Chat chat) => new(chat.Id, chat.Username, chat.FirstName, chat.LastName);
}
