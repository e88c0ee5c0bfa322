using System.Text;
using System.Text.Json.Nodes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Sandbox;

/// <summary>
/// Development only: the signed-in admin, as their sandbox Telegram user, writes <see cref="Text"/> to a sandbox bot
/// or presses a button carrying <see cref="CallbackData"/>. The app makes the update Telegram would deliver and hands
/// it to <see cref="ReceiveTelegramUpdate"/>, as the webhook does: it is stored in the inbox and routed by the inbox
/// worker like any other, and the bot's replies are queued in the outbox (recorded as sent, never sent: a sandbox bot
/// reaches no Telegram). A plain request, like the webhook's: its one write is the inbox's atomic insert.
/// </summary>
public sealed record SendSandboxMessage(Domain.Connections.BotRole Role, string? Text, string? CallbackData) : IRequest<SandboxMessageDto>, ITenantScoped, IAuditedRequest
{
    /// <summary>Telegram's limit for a button's callback data, in UTF-8 bytes.</summary>
    public const int CallbackDataMaxBytes = 64;
}

internal sealed class SendSandboxMessageValidator : AbstractValidator<SendSandboxMessage>
{
    public SendSandboxMessageValidator(IAppEnvironment environment) =>
        // Outside Development the chat does not exist (404), whatever was sent.
        When(_ => environment.IsDevelopment, () =>
        {
            RuleFor(c => c.Text).NotEmpty().When(c => c.CallbackData is null).WithMessage("Send a text or a button's callback data.");
            RuleFor(c => c.Text).Null().When(c => c.CallbackData is not null).WithMessage("Send a text or a button's callback data, not both.");
            RuleFor(c => c.Text).MaximumLength(BotSettings.MessageMaxLength);
            RuleFor(c => c.CallbackData)
                .Must(d => d!.Length > 0 && Encoding.UTF8.GetByteCount(d) <= SendSandboxMessage.CallbackDataMaxBytes)
                .When(c => c.CallbackData is not null)
                .WithMessage($"Callback data is 1 to {SendSandboxMessage.CallbackDataMaxBytes} bytes.");
        });
}

internal sealed class SendSandboxMessageHandler(
    IAppEnvironment environment, IAppDbContext db, ICurrentUser user, ISender sender, TimeProvider clock)
    : IRequestHandler<SendSandboxMessage, SandboxMessageDto>
{
    /// <summary>Two sends at once may pick the same update id: the inbox stores one, and the other takes the next id.</summary>
    private const int Attempts = 5;

    public async ValueTask<SandboxMessageDto> Handle(SendSandboxMessage request, CancellationToken cancellationToken)
    {
        var chat = await SandboxChat.OpenAsync(request.Role, environment, db, user, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            // Update ids grow as Telegram's do: the inbox handles a chat's updates in their order.
            var updateId = (await db.TelegramUpdates.Where(u => u.BotTelegramId == chat.BotTelegramId).MaxAsync(u => (long?)u.UpdateId, cancellationToken) ?? 0) + 1;
            var now = clock.GetUtcNow();
            var update = request.CallbackData is { } data
                ? Press(chat, updateId, data, await LastBotMessageAsync(chat, cancellationToken), now)
                : Message(chat, updateId, request.Text!, now);
            var outcome = await sender.Send(new ReceiveTelegramUpdate(chat.BotTelegramId, update.ToJsonString()), cancellationToken);
            if (outcome == WebhookOutcome.Stored)
            {
                return SandboxMessages.FromUser(updateId, request.Text, request.CallbackData, now, InboxStatus.Pending, null);
            }

            if (outcome != WebhookOutcome.Duplicate || attempt == Attempts)
            {
                throw new InvalidOperationException($"The sandbox update was not stored ({outcome}).");
            }
        }
    }

    /// <summary>The message a press is on: the bot's last one in the chat (what features act on is the press's data).</summary>
    private Task<int?> LastBotMessageAsync(SandboxChat chat, CancellationToken cancellationToken) =>
        db.TelegramOutbox.AsNoTracking()
            .Where(m => m.BotTelegramId == chat.BotTelegramId && m.ChatId == chat.UserId && m.TelegramMessageId != null)
            .OrderByDescending(m => m.Id).Select(m => m.TelegramMessageId).FirstOrDefaultAsync(cancellationToken);

    private static JsonObject Message(SandboxChat chat, long updateId, string text, DateTimeOffset now)
    {
        var message = new JsonObject
        {
            ["message_id"] = updateId, ["date"] = now.ToUnixTimeSeconds(), ["chat"] = Chat(chat), ["from"] = From(chat), ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var command = text.IndexOfAny([' ', '\n', '\t']) is var end and > 0 ? end : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command });
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    private static JsonObject Press(SandboxChat chat, long updateId, string data, int? messageId, DateTimeOffset now) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = chat.CallbackQueryId(updateId), ["chat_instance"] = $"sandbox-{chat.UserId}", ["from"] = From(chat), ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId ?? 1, ["date"] = now.ToUnixTimeSeconds(), ["chat"] = Chat(chat),
                ["from"] = new JsonObject { ["id"] = chat.BotTelegramId, ["is_bot"] = true, ["first_name"] = chat.BotUsername ?? "Sandbox bot" },
            },
        },
    };

    private static JsonObject From(SandboxChat chat) => new() { ["id"] = chat.UserId, ["is_bot"] = false, ["first_name"] = chat.FirstName };

    private static JsonObject Chat(SandboxChat chat) => new() { ["id"] = chat.UserId, ["type"] = "private", ["first_name"] = chat.FirstName };
}
