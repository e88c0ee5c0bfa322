using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Telegram;

/// <summary>
/// A webhook delivery for the bot whose secret it proved (the tenant is the bot's, entered before this message is
/// sent): stored once in the inbox and answered at once; the update is processed afterwards by the inbox worker. A
/// plain request, not a command: its one write is a single atomic insert, and the answer must not wait on anything else.
/// </summary>
public sealed record ReceiveTelegramUpdate(long BotTelegramId, string Json) : IRequest<WebhookOutcome>, ITenantScoped;

public enum WebhookOutcome
{
    Stored,
    Duplicate,
    Ignored,
    Malformed,
}

internal sealed class ReceiveTelegramUpdateHandler(ITelegramUpdateReader reader, ITelegramInbox inbox, ITenantContext tenant)
    : IRequestHandler<ReceiveTelegramUpdate, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(ReceiveTelegramUpdate request, CancellationToken cancellationToken)
    {
        UpdateEnvelope? envelope;
        try
        {
            envelope = reader.ReadEnvelope(request.Json);
        }
        catch (MalformedUpdateException)
        {
            return WebhookOutcome.Malformed;
        }

        if (envelope is null)
        {
            return WebhookOutcome.Ignored;
        }

        return await inbox.RecordAsync(tenant.RequiredTenantId, request.BotTelegramId, envelope, NulEscapes.Replace(request.Json), cancellationToken)
            ? WebhookOutcome.Stored
            : WebhookOutcome.Duplicate;
    }
}
