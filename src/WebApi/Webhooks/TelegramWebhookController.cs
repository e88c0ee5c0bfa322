using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Telegram;

namespace PromoStack.WebApi.Webhooks;

/// <summary>
/// Where Telegram posts a bot's updates. Authenticated by the bot's secret token, not by a user; kept out of the
/// OpenAPI document (the Update graph is recursive and no client of ours calls it).
/// </summary>
[ApiController]
// Anonymous on purpose: Telegram sends no user token; the bot's secret token header authenticates every update instead.
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("api/telegram/{publicId:guid}/webhook")]
public sealed class TelegramWebhookController(TelegramWebhookGate gate, ISender sender) : ControllerBase
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    [HttpPost]
    public async Task<IActionResult> Receive(Guid publicId, CancellationToken cancellationToken)
    {
        if (await gate.EnterAsync(publicId, Request.Headers[SecretHeader].FirstOrDefault(), cancellationToken) is not { } bot)
        {
            return Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "Unknown webhook or wrong secret token.");
        }

        using var reader = new StreamReader(Request.Body);
        var outcome = await sender.Send(new ReceiveTelegramUpdate(bot.BotTelegramId, await reader.ReadToEndAsync(cancellationToken)), cancellationToken);
        return outcome == WebhookOutcome.Malformed
            ? Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not a Telegram update.")
            : Ok();
    }
}
