using System.Text.Json;
using System.Text.Json.Nodes;
using PromoStack.Application.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>What became of one Bot API call.</summary>
public abstract record SendResult
{
    /// <summary>Done; <paramref name="MessageId"/> for a message sent or edited, <paramref name="Text"/> for an invite link.</summary>
    public sealed record Sent(long? MessageId, string? Text = null) : SendResult;

    public sealed record RateLimited(TimeSpan RetryAfter) : SendResult;

    /// <summary>403 "bot was blocked by the user".</summary>
    public sealed record Blocked(string Reason) : SendResult;

    /// <summary>Telegram refused the call for good (400, other 403s): retrying cannot help.</summary>
    public sealed record Rejected(string Reason) : SendResult;

    /// <summary>A network error, a timeout or a 5xx: worth another try.</summary>
    public sealed record Transient(string Reason) : SendResult;
}

/// <summary>Replays a stored request through Telegram.Bot, with the parent's message id filled in where it depends on one.</summary>
public static class TelegramRequests
{
    /// <param name="attach">Puts the stored images a photo, document or album call names into it; false when one is gone.</param>
    public static async Task<SendResult> SendAsync(
        ITelegramBotClient bot, string method, string payload, long? parentMessageId, CancellationToken cancellationToken, string? parentResultText = null,
        Func<object, CancellationToken, Task<bool>>? attach = null)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        if (parentResultText is not null && json["text"]?.GetValue<string>() is { } text && text.Contains(SendTextWithResult.ResultPlaceholder, StringComparison.Ordinal))
        {
            // The parent's result (an invite link) goes into the text; it is not a reply to anything.
            json["text"] = text.Replace(SendTextWithResult.ResultPlaceholder, System.Net.WebUtility.HtmlEncode(parentResultText), StringComparison.Ordinal);
        }
        else if (parentMessageId is { } parent)
        {
            if (method == "sendMessage")
            {
                json["reply_parameters"] = new JsonObject { ["message_id"] = parent };
            }
            else
            {
                json["message_id"] = parent;
            }
        }

        try
        {
            return await CallAsync(bot, method, json, attach, cancellationToken);
        }
        catch (ApiRequestException exception) when (exception.ErrorCode == 429)
        {
            return new SendResult.RateLimited(TimeSpan.FromSeconds(exception.Parameters?.RetryAfter ?? 1));
        }
        catch (ApiRequestException exception) when (exception.ErrorCode == 403 && exception.Message.Contains("blocked by the user", StringComparison.OrdinalIgnoreCase))
        {
            return new SendResult.Blocked(exception.Message);
        }
        catch (ApiRequestException exception) when (exception.ErrorCode is >= 400 and < 500)
        {
            return new SendResult.Rejected($"{exception.ErrorCode}: {exception.Message}");
        }
        catch (ApiRequestException exception)
        {
            return new SendResult.Transient($"{exception.ErrorCode}: {exception.Message}");
        }
        catch (Exception exception) when (exception is RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Transient($"Telegram could not be reached: {exception.Message}");
        }
    }

    /// <summary>The calls whose limits are Telegram's message limits (admin actions such as bans are not messages).</summary>
    public static bool IsMessage(string method) =>
        method is "sendMessage" or "sendPhoto" or "sendDocument" or "sendMediaGroup" or "copyMessage" or "forwardMessage";

    /// <summary>Makes the call; the result names the message it sent or edited, or the invite link it created.</summary>
    private static async Task<SendResult> CallAsync(
        ITelegramBotClient bot, string method, JsonObject json, Func<object, CancellationToken, Task<bool>>? attach, CancellationToken cancellationToken)
    {
        if (method is "sendPhoto" or "sendDocument" or "sendMediaGroup")
        {
            object request = method switch
            {
                "sendPhoto" => Read<SendPhotoRequest>(json),
                "sendDocument" => Read<SendDocumentRequest>(json),
                _ => Read<SendMediaGroupRequest>(json),
            };
            if (attach is not null && !await attach(request, cancellationToken))
            {
                return new SendResult.Rejected("The image to send is no longer kept.");
            }

            return request switch
            {
                SendPhotoRequest photo => new SendResult.Sent((await bot.SendRequest(photo, cancellationToken)).MessageId),
                SendDocumentRequest document => new SendResult.Sent((await bot.SendRequest(document, cancellationToken)).MessageId),
                _ => new SendResult.Sent((await bot.SendRequest((SendMediaGroupRequest)request, cancellationToken)).FirstOrDefault()?.MessageId),
            };
        }

        return await CallAsync(bot, method, json, cancellationToken);
    }

    private static async Task<SendResult.Sent> CallAsync(ITelegramBotClient bot, string method, JsonObject json, CancellationToken cancellationToken) =>
        method switch
        {
            "sendMessage" => new((await bot.SendRequest(Read<SendMessageRequest>(json), cancellationToken)).MessageId),
            "editMessageText" => new((await bot.SendRequest(Read<EditMessageTextRequest>(json), cancellationToken)).MessageId),
            "copyMessage" => new((await bot.SendRequest(Read<CopyMessageRequest>(json), cancellationToken)).Id),
            "forwardMessage" => new((await bot.SendRequest(Read<ForwardMessageRequest>(json), cancellationToken)).MessageId),
            "createChatInviteLink" => new(null, (await bot.SendRequest(Read<CreateChatInviteLinkRequest>(json), cancellationToken)).InviteLink),
            "answerCallbackQuery" => await Done(bot.SendRequest(Read<AnswerCallbackQueryRequest>(json), cancellationToken)),
            "revokeChatInviteLink" => await Done(bot.SendRequest(Read<RevokeChatInviteLinkRequest>(json), cancellationToken)),
            "banChatMember" => await Done(bot.SendRequest(Read<BanChatMemberRequest>(json), cancellationToken)),
            "unbanChatMember" => await Done(bot.SendRequest(Read<UnbanChatMemberRequest>(json), cancellationToken)),
            "approveChatJoinRequest" => await Done(bot.SendRequest(Read<ApproveChatJoinRequestRequest>(json), cancellationToken)),
            "declineChatJoinRequest" => await Done(bot.SendRequest(Read<DeclineChatJoinRequestRequest>(json), cancellationToken)),
            _ => throw new NotSupportedException($"The outbox cannot send '{method}'."),
        };

    private static async Task<SendResult.Sent> Done<T>(Task<T> call)
    {
        await call;
        return new SendResult.Sent(null);
    }

    private static T Read<T>(JsonObject json) => json.Deserialize<T>(JsonBotAPI.Options)!;
}
