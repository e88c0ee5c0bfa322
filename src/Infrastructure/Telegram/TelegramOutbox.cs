using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Queues a feature's message as the Bot API request Telegram.Bot would send (serialized with its own options), in
/// the feature's DbContext, so it commits — or not — with the feature's change.
/// </summary>
public sealed class TelegramOutbox(AppDbContext db, ITenantContext tenant, CommitSignals signals, TimeProvider clock) : ITelegramOutbox
{
    public async Task<TelegramOutboxMessage> EnqueueAsync(OutgoingMessage message, OutboxOptions options, CancellationToken cancellationToken)
    {
        var botId = await db.BotConnections.Where(c => c.BotRole == options.Bot).Select(c => (long?)c.BotTelegramId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException($"No {BotRoleNames.Of(options.Bot)} is connected: connect it first.");
        // Enqueuing is idempotent: the same dedupe key (e.g. the reply to one update, processed again) queues once.
        if (await db.TelegramOutbox.FirstOrDefaultAsync(m => m.DedupeKey == options.DedupeKey, cancellationToken) is { } queued)
        {
            return queued;
        }

        var (request, dependsOn) = Build(message);
        var row = TelegramOutboxMessage.Enqueue(
            tenant.RequiredTenantId,
            new OutboxRequest(
                BotRoleNames.Of(options.Bot), botId, message.ChatId, request.MethodName,
                JsonSerializer.Serialize(request, request.GetType(), JsonBotAPI.Options), options.Delivery, options.Priority, options.Kind,
                options.DedupeKey, options.NotBefore, dependsOn),
            clock.GetUtcNow());
        db.TelegramOutbox.Add(row);
        signals.After(Queues.TelegramOutbox);
        return row;
    }

    private static (IRequest Request, long? DependsOn) Build(OutgoingMessage message) => message switch
    {
        SendText text => (new SendMessageRequest
        {
            ChatId = text.ChatId, Text = text.Html, ParseMode = ParseMode.Html, ReplyMarkup = Markup(text.Buttons),
        }, text.ReplyToOutboxId),
        SendTextWithResult text => (new SendMessageRequest { ChatId = text.ChatId, Text = text.Html, ParseMode = ParseMode.Html }, text.ResultOutboxId),
        EditText edit => (new EditMessageTextRequest
        {
            ChatId = edit.ChatId, MessageId = 0, Text = edit.Html, ParseMode = ParseMode.Html,
            ReplyMarkup = Markup(edit.Buttons) as InlineKeyboardMarkup,
        }, edit.MessageOutboxId),
        CopyMessage copy => (new CopyMessageRequest { ChatId = copy.ChatId, FromChatId = copy.FromChatId, MessageId = copy.MessageId ?? 0 },
            copy.MessageId is null ? copy.MessageOutboxId : null),
        AnswerButton answer => (new AnswerCallbackQueryRequest { CallbackQueryId = answer.CallbackQueryId, Text = answer.Text }, null),
        SendPhoto photo => (new SendPhotoRequest
        {
            ChatId = photo.ChatId, Photo = InputFile.FromString(photo.Photo), Caption = photo.CaptionHtml,
            ParseMode = photo.CaptionHtml is null ? default : ParseMode.Html, ReplyMarkup = Markup(photo.Buttons),
        }, null),
        SendStoredImage { AsDocument: false } image => (new SendPhotoRequest
        {
            ChatId = image.ChatId, Photo = InputFile.FromString(StoredImages.Reference(image.StoredImageId)), Caption = image.CaptionHtml,
            ParseMode = image.CaptionHtml is null ? default : ParseMode.Html, ReplyMarkup = Markup(image.Buttons),
        }, null),
        SendStoredImage image => (new SendDocumentRequest
        {
            ChatId = image.ChatId, Document = InputFile.FromString(StoredImages.Reference(image.StoredImageId)), Caption = image.CaptionHtml,
            ParseMode = image.CaptionHtml is null ? default : ParseMode.Html, ReplyMarkup = Markup(image.Buttons), DisableContentTypeDetection = true,
        }, null),
        SendStoredAlbum album when album.Images.Count is < SendStoredAlbum.MinImages or > SendStoredAlbum.MaxImages =>
            throw new ArgumentOutOfRangeException(nameof(message), album.Images.Count, "An album has 2 to 10 images."),
        SendStoredAlbum album => (new SendMediaGroupRequest
        {
            ChatId = album.ChatId,
            Media = album.Images.Select(i => new InputMediaPhoto(InputFile.FromString(StoredImages.Reference(i.StoredImageId)))
            {
                Caption = i.CaptionHtml, ParseMode = i.CaptionHtml is null ? default : ParseMode.Html,
            }).ToList(),
        }, null),
        ForwardMessage forward => (new ForwardMessageRequest { ChatId = forward.ChatId, FromChatId = forward.FromChatId, MessageId = forward.MessageId ?? 0 },
            forward.MessageId is null ? forward.MessageOutboxId : null),
        CreateInviteLink link => (new CreateChatInviteLinkRequest
        {
            ChatId = link.ChatId, MemberLimit = link.MemberLimit, ExpireDate = link.ExpireAt?.UtcDateTime, Name = link.Name,
        }, null),
        RevokeInviteLink revoke => (new RevokeChatInviteLinkRequest { ChatId = revoke.ChatId, InviteLink = revoke.InviteLink }, null),
        BanMember ban => (new BanChatMemberRequest { ChatId = ban.ChatId, UserId = ban.UserId }, null),
        UnbanMember unban => (new UnbanChatMemberRequest { ChatId = unban.ChatId, UserId = unban.UserId, OnlyIfBanned = true }, unban.AfterOutboxId),
        ApproveJoinRequest approve => (new ApproveChatJoinRequestRequest { ChatId = approve.ChatId, UserId = approve.UserId }, null),
        DeclineJoinRequest decline => (new DeclineChatJoinRequestRequest { ChatId = decline.ChatId, UserId = decline.UserId }, null),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Not a message the outbox knows."),
    };

    private static ReplyMarkup? Markup(IReadOnlyList<IReadOnlyList<InlineButton>>? rows) =>
        rows is null
            ? null
            : new InlineKeyboardMarkup(rows.Select(row => row.Select(b => b.Url is not null
                ? InlineKeyboardButton.WithUrl(b.Text, b.Url)
                : InlineKeyboardButton.WithCallbackData(b.Text, b.CallbackData ?? b.Text))));
}
