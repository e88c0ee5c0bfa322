using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;

namespace PromoStack.WebApi.Webhooks;

/// <summary>
/// Where Telegram posts a bot's updates. Authenticated by the bot's secret token, not by a user; kept out of the
/// OpenAPI document (the Update graph is recursive and no client of ours calls it).
/// </summary>
[ApiController]
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("api/telegram/{publicId:guid}/webhook")]
public sealed class TelegramWebhookController(ISender sender) : ControllerBase
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    [HttpPost]
    public async Task<IActionResult> Receive(Guid publicId, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var outcome = await sender.Send(new ReceiveTelegramUpdate(publicId, Request.Headers[SecretHeader].FirstOrDefault(), json), cancellationToken);
        return outcome switch
        {
            WebhookOutcome.Unauthorized => Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "Unknown webhook or wrong secret token."),
            WebhookOutcome.Malformed => Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not a Telegram update."),
            _ => Ok(),
        };
    }
}
