using FluentValidation;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Connections;

internal static class BotWebhooks
{
    /// <summary>
    /// Unregisters the webhook of a bot the tenant no longer uses. A bot whose token Telegram no longer accepts has
    /// no webhook to worry about; an unreachable Telegram is the caller's 503.
    /// </summary>
    public static async Task TryDeleteAsync(ITelegramBotApi telegram, string token, CancellationToken cancellationToken)
    {
        try
        {
            await telegram.DeleteWebhookAsync(token, cancellationToken);
        }
        catch (TelegramRejectedException)
        {
            // The token was revoked: Telegram delivers nothing for it any more.
        }
    }

    /// <summary>A channel is named by its numeric id (<c>-100…</c>) or its public username (<c>@name</c>).</summary>
    public static IRuleBuilderOptions<T, string?> ChannelReference<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(@"^(-100\d{5,20}|@[A-Za-z][A-Za-z0-9_]{3,31})\z")
            .WithMessage("A channel is its id (-100…) or its @username.");
}
