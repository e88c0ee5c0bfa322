using System.Security.Cryptography;
using System.Text;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;

namespace PromoStack.Application.Telegram;

/// <summary>
/// A webhook delivery: checked against the bot's secret, stored once in the inbox, and answered at once; the
/// update is processed afterwards by the inbox worker. A plain request, not a command: its one write is a single
/// atomic insert, and the answer must not wait on anything else.
/// </summary>
public sealed record ReceiveTelegramUpdate(Guid PublicId, string? SecretToken, string Json) : IRequest<WebhookOutcome>, ITenantAgnostic;

public enum WebhookOutcome
{
    Stored,
    Duplicate,
    Ignored,
    Unauthorized,
    Malformed,
}

internal sealed class ReceiveTelegramUpdateHandler(
    ITelegramWebhooks webhooks, ISecretProtector secrets, ITelegramUpdateReader reader, ITelegramInbox inbox, ITenantContext tenant)
    : IRequestHandler<ReceiveTelegramUpdate, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(ReceiveTelegramUpdate request, CancellationToken cancellationToken)
    {
        // The tenant comes from the bot the URL names, and only once Telegram has proved it knows that bot's secret.
        var target = await webhooks.FindAsync(request.PublicId, cancellationToken);
        if (target is null || request.SecretToken is null
            || !SameSecret(request.SecretToken, secrets.Unprotect(ConnectionSecrets.WebhookSecret, target.EncryptedSecret)))
        {
            return WebhookOutcome.Unauthorized;
        }

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

        tenant.Enter(target.TenantId);
        return await inbox.RecordAsync(target.TenantId, target.BotTelegramId, envelope, NulEscapes.Replace(request.Json), cancellationToken)
            ? WebhookOutcome.Stored
            : WebhookOutcome.Duplicate;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
