using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Observability;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Webhooks;

namespace PromoStack.WebApi.Webhooks;

/// <summary>
/// Where Telegram posts a bot's updates. Authenticated by the bot's secret token, not by a user; kept out of the
/// OpenAPI document (the Update graph is recursive and no client of ours calls it). A delivery is checked before its
/// body is read, and one that fails costs no query once what it names is in memory (<see cref="TelegramWebhookGate"/>).
/// </summary>
[ApiController]
// Anonymous on purpose: Telegram sends no user token; the bot's secret token header authenticates every update instead.
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("api/telegram/{publicId:guid}/webhook")]
public sealed class TelegramWebhookController(TelegramWebhookGate gate, WebhookSources sources, ISender sender) : ControllerBase
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    [HttpPost]
    public async Task<IActionResult> Receive(Guid publicId, CancellationToken cancellationToken)
    {
        var source = sources.Arrive(HttpContext.Connection.RemoteIpAddress);
        var verdict = await gate.EnterAsync(publicId, Request.Headers[SecretHeader].FirstOrDefault(), source, cancellationToken);
        if (verdict.Admitted is not { } bot)
        {
            Telemetry.TelegramWebhookRejections.Add(1, Telemetry.Tag("reason", verdict.Limited ? "rate_limited" : "unauthorized"));
            return verdict.Limited
                ? this.TooManyRequests(source)
                : Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "Unknown webhook or wrong secret token.");
        }

        using var reader = new StreamReader(Request.Body);
        var outcome = await sender.Send(new ReceiveTelegramUpdate(bot.BotTelegramId, await reader.ReadToEndAsync(cancellationToken)), cancellationToken);
        if (outcome == WebhookOutcome.Malformed)
        {
            Telemetry.TelegramWebhookRejections.Add(1, Telemetry.Tag("reason", "malformed"));
            return Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not a Telegram update.");
        }

        return Ok();
    }
}
