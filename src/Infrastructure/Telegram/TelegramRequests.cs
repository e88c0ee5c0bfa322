using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>What became of one Bot API call.</summary>
public abstract record SendResult
{
    public sealed record Sent(long? MessageId) : SendResult;

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
    public static async Task<SendResult> SendAsync(ITelegramBotClient bot, string method, string payload, long? parentMessageId, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        if (parentMessageId is { } parent)
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
            return new SendResult.Sent(await CallAsync(bot, method, json, cancellationToken));
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

    /// <summary>Makes the call; returns the id of the message it sent or edited, if any.</summary>
    private static async Task<long?> CallAsync(ITelegramBotClient bot, string method, JsonObject json, CancellationToken cancellationToken)
    {
        switch (method)
        {
            case "sendMessage":
                return (await bot.SendRequest(Read<SendMessageRequest>(json), cancellationToken)).MessageId;
            case "editMessageText":
                return (await bot.SendRequest(Read<EditMessageTextRequest>(json), cancellationToken)).MessageId;
            case "copyMessage":
                return (await bot.SendRequest(Read<CopyMessageRequest>(json), cancellationToken)).Id;
            case "answerCallbackQuery":
                await bot.SendRequest(Read<AnswerCallbackQueryRequest>(json), cancellationToken);
                return null;
            default:
                throw new NotSupportedException($"The outbox cannot send '{method}'.");
        }
    }

    private static T Read<T>(JsonObject json) => json.Deserialize<T>(JsonBotAPI.Options)!;
}
