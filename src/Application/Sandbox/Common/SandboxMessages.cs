using System.Globalization;
using System.Text.Json;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Sandbox;

/// <summary>Inbox updates and outbox calls as the messages of a chat.</summary>
internal static class SandboxMessages
{
    public static SandboxMessageDto FromUser(long updateId, string? text, string? callbackData, DateTimeOffset at, InboxStatus status, string? error) =>
        new(
            $"u:{updateId.ToString(CultureInfo.InvariantCulture)}", "user", callbackData is null ? "text" : "button_press", at,
            text is null ? null : TelegramHtml.Escape(text), text, callbackData, [], [], null, null, Name(status), error, null, null);

    /// <summary>The user's text or pressed button, read from the stored update.</summary>
    public static (string? Text, string? CallbackData) ReadUpdate(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.TryGetProperty("callback_query", out var press) && press.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
        {
            return (null, data.GetString());
        }

        return root.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? (text.GetString(), null)
            : (null, null);
    }

    /// <param name="parentResult">The result of the row this one depends on (an invite link a text carries).</param>
    public static SandboxMessageDto FromBot(BotRole role, BotCall call, string? parentResult)
    {
        var content = OutboxContent.Read(call.Payload);
        var html = content.Html;
        if (parentResult is not null && html is not null && html.Contains(SendTextWithResult.ResultPlaceholder, StringComparison.Ordinal))
        {
            html = html.Replace(SendTextWithResult.ResultPlaceholder, TelegramHtml.Escape(parentResult), StringComparison.Ordinal);
        }

        var type = call.Method switch
        {
            "sendMessage" => "text",
            "sendPhoto" => "photo",
            "sendDocument" => "document",
            "sendMediaGroup" => "album",
            "editMessageText" or "editMessageCaption" or "editMessageReplyMarkup" => "edit",
            "answerCallbackQuery" => "notice",
            _ => "other",
        };
        var dependsOn = call.DependsOnId is { } parent ? $"b:{parent.ToString(CultureInfo.InvariantCulture)}" : null;
        var text = (content with { Html = html }).PlainText;
        return new SandboxMessageDto(
            $"b:{call.Id.ToString(CultureInfo.InvariantCulture)}", "bot", type, call.CreatedAt, html, text, null, content.Buttons,
            [.. content.Images.Select(image => Image(role, image))], type == "edit" ? dependsOn : null, type == "text" ? dependsOn : null,
            Name(call.Status), call.LastError, call.SentAt, call.Kind);
    }

    private static SandboxImageDto Image(BotRole role, string image) =>
        OutboxContent.StoredImageId(image) is { } id
            ? new SandboxImageDto($"/api/sandbox/{BotRoleNames.Of(role)}/images/{id.ToString(CultureInfo.InvariantCulture)}", null)
            : Uri.TryCreate(image, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? new SandboxImageDto(image, null)
                : new SandboxImageDto(null, image);

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>An outbox row of the chat, as read for the conversation.</summary>
internal sealed record BotCall(
    long Id, string Method, string Payload, string Kind, OutboxStatus Status, string? LastError, long? DependsOnId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
